using System.CommandLine;
using Lib.Paragliding.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding igc: the IGC summaries of a file or folder, a table, the CSV; exit 1 when records were left out.
internal static partial class ParaglidingCommand
{
    private static Command IgcCommand(CliContext context)
    {
        var input = new Option<string>("--input", "-i")
        {
            Description = "An IGC file, or a folder whose .igc files (any case) are all read.",
            HelpName = "file-or-dir",
            Required = true,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "Write the summaries to this CSV: file, fixes, first_fix_utc, last_fix_utc, max_gnss_alt_m, "
                + "max_pressure_alt_m, straight_km, track_km, then the XC distances and flights.",
            HelpName = "summary.csv",
        };
        var strict = new Option<bool>("--strict")
        {
            Description =
                "Stop at the first malformed record (an error naming file and line) instead of leaving " + "it out.",
        };
        var command = new Command(
            "igc",
            "Summarise IGC flight logs: valid fixes, UTC times, altitudes, straight and track distance, free "
                + "distance over up to 3 turnpoints, flat and FAI triangles, takeoff and landing."
        )
        {
            input,
            output,
            strict,
        };
        command.SetAction(parse =>
        {
            var csv = parse.GetValue(output);
            var result = ParaglidingIngestStep.Igc(parse.GetValue(input)!, csv, parse.GetValue(strict));
            var table = new Spectre.Console.Table().AddColumns(
                "file",
                "fixes",
                "first fix (UTC)",
                "straight km",
                "track km",
                "free km",
                "FAI km",
                "flights"
            );
            foreach (var s in result.Summaries)
            {
                var f = FlightSummaries.Fields(s);
                table.AddRow(Markup.Escape(f[0]), f[1], f[2], f[6], f[7], f[8], f[10], f[11]);
            }
            context.Console.Write(table);
            foreach (var r in result.Rejected.Take(20))
                context.Error.WriteLine($"left out: {r}");
            if (result.Rejected.Count > 20)
                context.Error.WriteLine($"left out: … {result.Rejected.Count - 20} more.");
            if (csv is not null)
                context.Console.WriteLine($"Wrote {N(result.Summaries.Count)} summaries to {csv}.");
            return result.Rejected.Count == 0 ? 0 : 1;
        });
        return command;
    }
}
