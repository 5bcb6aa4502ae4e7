using System.CommandLine;
using Lib.Football.Cache;
using Lib.Football.Ingest;
using Lib.Tensors.IO;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab football ingest: the cached ingest and validation step, its files copied to --out, each file's account, the
// plays per season and week, and the validation report (in full with --validate-data).
internal static partial class FootballCommand
{
    private static Command IngestCommand(CliContext context)
    {
        var data = new DataOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "Where to copy tracking.parquet, plays.json, files.csv, rejected.csv and validation.csv. Default: "
                + "artifacts/football/tracking.",
            HelpName = "dir",
        };
        var validateData = new Option<bool>("--validate-data")
        {
            Description = "Print the validation report: every rule with its failures, and the first failures of each.",
        };
        var noValidation = new Option<bool>("--no-validation")
        {
            Description =
                "Skip the validator's row checks (ranges, speeds, duplicate frames, gaps, ids); rows that cannot be "
                + "read are still left out and reported.",
        };
        var force = new Option<bool>("--force")
        {
            Description = "Read the sources again even when the cached table is up to date.",
        };
        var command = new Command(
            "ingest",
            "Read the slim CSV, raw NGS and BDB tracking into one validated table (cached); report every row left out "
                + "and every rule that fails. Exits 1 when rows could not be read."
        )
        {
            output,
            validateData,
            noValidation,
            force,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            if (parse.GetValue(validateData) && parse.GetValue(noValidation))
                throw new ArgumentException("--validate-data and --no-validation cannot be used together.");
            var cached = FootballCacheStep.Run(
                data.Data(context, parse),
                data.Cache(context, parse),
                data.Selection(parse),
                validate: !parse.GetValue(noValidation),
                force: parse.GetValue(force)
            );
            var outDir = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "football", "tracking");
            Directory.CreateDirectory(outDir);
            foreach (var name in FootballCacheStep.Outputs)
                AtomicFile.Write(Path.Combine(outDir, name), target =>
                {
                    using var source = File.OpenRead(cached.Step.PathOf(name));
                    source.CopyTo(target);
                });

            var files = new Spectre.Console.Table().AddColumns(
                "file",
                "format",
                "records",
                "rows",
                "left out",
                "plays"
            );
            foreach (var f in cached.Files)
                files.AddRow(Markup.Escape(f.File), f.Format, N(f.Records), N(f.Rows), N(f.LeftOut), N(f.Plays));
            context.Console.Write(files);

            var seasons = new Spectre.Console.Table().AddColumns("season", "weeks", "plays", "pass", "rush", "other");
            foreach (var g in cached.Plays.Values.GroupBy(p => p.Season).OrderBy(g => g.Key))
            {
                var weeks = g.Select(p => p.Week).OfType<int>().Distinct().Order().ToList();
                seasons.AddRow(
                    g.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    weeks.Count == 0 ? "?" : $"{weeks[0]}–{weeks[^1]} ({weeks.Count})",
                    N(g.Count()),
                    N(g.Count(p => p.Type == Lib.Football.Domain.PlayType.Pass)),
                    N(g.Count(p => p.Type == Lib.Football.Domain.PlayType.Rush)),
                    N(
                        g.Count(p =>
                            p.Type is not (Lib.Football.Domain.PlayType.Pass or Lib.Football.Domain.PlayType.Rush)
                        )
                    )
                );
            }
            context.Console.Write(seasons);

            var report = cached.Report;
            if (parse.GetValue(validateData))
                WriteReport(context, report);
            var failing = report.Summary.Where(s => s.Failures > 0).ToList();
            var unreadable = report.Issues.Count(i => i.LeftOut && i.Rule != ValidationRule.DuplicatePlay);
            context.Console.WriteLine(
                $"{N(cached.RowCount)} rows of {N(cached.Plays.Count)} plays; "
                    + (report.Checked ? "validation: " : "validation skipped (--no-validation); read: ")
                    + (
                        failing.Count == 0
                            ? "every rule passes."
                            : string.Join(", ", failing.Select(s => $"{s.Rule} {N(s.Failures)}")) + "."
                    )
                    + (report.Checked && !parse.GetValue(validateData) ? " --validate-data prints the report." : "")
            );
            var how = cached.Step.Rebuilt
                ? $"Read the sources ({cached.Step.Reason})"
                : "Reused the cached table (sources unchanged)";
            context.Console.WriteLine($"{how}; wrote {outDir}: {string.Join(", ", FootballCacheStep.Outputs)}.");
            return unreadable > 0 ? 1 : 0;
        });
        return command;
    }

    /// <summary>The report: one line per rule, then the first failures of each failing rule.</summary>
    private static void WriteReport(CliContext context, ValidationReport report)
    {
        var rules = new Spectre.Console.Table().AddColumns("rule", "checks", "failures", "left out", "plays", "files");
        foreach (var s in report.Summary)
            rules.AddRow(s.Rule, Markup.Escape(s.Checks), N(s.Failures), N(s.LeftOut), N(s.Plays), N(s.Files));
        context.Console.Write(rules);
        foreach (var group in report.Issues.GroupBy(i => i.Rule))
        foreach (var issue in group.Take(3))
            context.Console.WriteLine(Markup.Escape(issue.ToString()));
    }
}
