using System.CommandLine;
using System.Globalization;
using Lib.Splits.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits timing: official UCI timing (eervin CSVs, downhillr tables, ChronoRace PDFs) normalised to one table;
// the DNF/DNS/DSQ runs and every PDF-vs-CSV disagreement reported.
internal static partial class SplitsCommand
{
    private static Command TimingCommand(CliContext context)
    {
        var input = new Option<string?>("--input", "-i")
        {
            Description = "A timing file (.csv or .pdf) or a folder of them. Default: data/splits/timing.",
            HelpName = "file-or-dir",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "The normalised table (the columns of timing_expected.csv); disagreements.csv and rejected.csv "
                + "are written beside it. Default: artifacts/splits/timing/riders.csv.",
            HelpName = "file",
        };
        var command = new Command(
            "timing",
            "Read official timing (eervin CSVs, downhillr tables, ChronoRace PDFs) into one normalised table; "
                + "report DNF/DNS/DSQ runs and where a CSV disagrees with the PDF (the PDF is the record)."
        )
        {
            input,
            output,
        };
        command.SetAction(parse =>
        {
            var source = parse.GetValue(input) ?? Path.Combine(context.Root, "data", "splits", "timing");
            if (!File.Exists(source) && !Directory.Exists(source))
            {
                context.Error.WriteLine($"No timing file or folder '{source}'.");
                return 2;
            }
            var outPath = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "splits", "timing", "riders.csv");
            var report = SplitsTimingStep.Run(source, outPath, context.Progress);
            var table = new Spectre.Console.Table().AddColumns("race", "round", "OK", "DNF", "DNS", "DSQ");
            foreach (var g in report.StatusCounts.GroupBy(c => (c.Race, c.Round)))
            {
                string Count(string status) =>
                    g.Where(c => c.Status == status).Sum(c => c.Count).ToString(CultureInfo.InvariantCulture);
                table.AddRow(g.Key.Race, g.Key.Round, Count("OK"), Count("DNF"), Count("DNS"), Count("DSQ"));
            }
            context.Console.Write(table);
            foreach (var g in report.Official.Disagreements.GroupBy(d => d.CsvFile).OrderBy(g => g.Key))
                context.Error.WriteLine(
                    $"disagreements: {g.Key} vs the PDF: {g.Count()} ("
                        + string.Join(", ", g.GroupBy(d => d.Field).Select(f => $"{f.Key} {f.Count()}"))
                        + ")"
                );
            foreach (var r in report.Rejected.Take(20))
                context.Error.WriteLine($"rejected: {r}");
            context.Console.WriteLine(
                $"{report.Rows.Count} rows from {report.Rows.Select(r => r.File).Distinct().Count()} files; "
                    + $"official: {report.Official.Rows.Count} runs, {report.NotFinished.Count} not finished "
                    + $"(DNF/DNS/DSQ), {report.Partial.Count} with a missing split; "
                    + $"{report.Official.Disagreements.Count} PDF-vs-CSV disagreements; "
                    + $"{report.Rejected.Count} records rejected."
            );
            context.Console.WriteLine($"Wrote {string.Join(", ", report.Written)}.");
            return report.Rejected.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
