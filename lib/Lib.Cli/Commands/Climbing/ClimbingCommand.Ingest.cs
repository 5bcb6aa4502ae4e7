using System.CommandLine;
using Lib.Climbing.Cache;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab climbing ingest: the cached ingest step, its files copied to --out, every file's account and the reasons records
// were left out.
internal static partial class ClimbingCommand
{
    private static Command IngestCommand(CliContext context)
    {
        var data = new DataOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "Where to copy routes.parquet, holds.parquet, routes.json, files.csv and rejected.csv. Default: "
                + "artifacts/climbing/routes.",
            HelpName = "dir",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Parse the sources again even when the cached route table is up to date.",
        };
        var command = new Command(
            "ingest",
            "Parse MoonBoard problems, Kilter sync pages and tables and the Tension catalog into one route "
                + "table; report every record left out."
        )
        {
            output,
            force,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var routes = ClimbingCacheStep.Run(
                data.Data(context, parse),
                data.Cache(context, parse),
                parse.GetValue(force)
            );
            var outDir = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "climbing", "routes");
            routes.CopyTo(outDir);

            var files = new Spectre.Console.Table().AddColumns(
                "file",
                "kind",
                "records",
                "parsed",
                "reported",
                "routes"
            );
            foreach (var f in routes.Files)
                files.AddRow(
                    Markup.Escape(f.File),
                    Markup.Escape(f.Kind),
                    N(f.Records),
                    N(f.Parsed),
                    N(f.Reported),
                    N(f.Routes)
                );
            context.Console.Write(files);
            var reasons = routes
                .Rejected.GroupBy(r => (r.Source, Reason: Kind(r.Reason)))
                .OrderByDescending(g => g.Count());
            foreach (var g in reasons.Take(12))
                context.Error.WriteLine(
                    $"reported: {g.Count()} × {g.Key.Source}: {g.Key.Reason} (e.g. {g.First().Location}: "
                        + $"{g.First().Reason})"
                );
            var graded = routes.Table.Routes.Where(r => r.Difficulty is not null).ToList();
            var boards = graded
                .GroupBy(r => r.Board)
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"{g.Key} {g.Count()}");
            context.Console.WriteLine(
                $"{routes.Table.Routes.Count} routes ({graded.Count} graded: {string.Join(", ", boards)}); "
                    + $"{routes.Rejected.Count} records reported."
            );
            var how = routes.Step.Rebuilt
                ? $"Parsed the sources ({routes.Step.Reason})"
                : "Reused the cached route table (sources unchanged)";
            context.Console.WriteLine(
                $"{how}; " + $"wrote {outDir}: routes.parquet, holds.parquet, routes.json, files.csv, rejected.csv."
            );
            return 0;
        });
        return command;
    }

    /// <summary>A reason with its ids and numbers blanked, so like reasons group: "climb # is not on the climbs page
    /// …".</summary>
    private static string Kind(string reason) =>
        System.Text.RegularExpressions.Regex.Replace(reason, @"\b[0-9A-Fa-f]{32}\b|\b\d+(\.\d+)?\b|'[^']*'", "#");
}
