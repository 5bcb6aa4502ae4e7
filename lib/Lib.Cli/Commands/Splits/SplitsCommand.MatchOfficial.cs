using System.CommandLine;
using System.Globalization;
using Lib.Splits.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits match-official: each annotated run's best-matching official run (sectors 1-5 and 2-5), or "unmatched".
internal static partial class SplitsCommand
{
    private static Command MatchOfficialCommand(CliContext context)
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = "The annotations (video_config.yaml). Default: data/splits/video_config.yaml.",
            HelpName = "file",
        };
        var timing = new Option<string?>("--timing", "-t")
        {
            Description = "A timing file or folder (CSVs and PDFs). Default: data/splits/timing.",
            HelpName = "file-or-dir",
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where to write matches.csv. Default: artifacts/splits/timing/matches.csv.",
            HelpName = "file",
        };
        var tolerance = new Option<double>("--tolerance")
        {
            Description = "A match is within this many seconds on every compared sector. Default: 1.",
            DefaultValueFactory = _ => OfficialMatcher.DefaultToleranceSeconds,
            HelpName = "seconds",
        };
        var command = new Command(
            "match-official",
            "For each annotated run, the official race, round (and training run) of that rider whose sector times "
                + "match best, comparing all five sectors and sectors 2-5; 'unmatched' when none is within 1 s."
        )
        {
            config,
            timing,
            output,
            tolerance,
        };
        command.SetAction(parse =>
        {
            var configPath = parse.GetValue(config)
                ?? Path.Combine(context.Root, "data", "splits", "video_config.yaml");
            var timingPath = parse.GetValue(timing) ?? Path.Combine(context.Root, "data", "splits", "timing");
            if (!File.Exists(configPath))
            {
                context.Error.WriteLine($"No annotation file '{configPath}'.");
                return 2;
            }
            if (!File.Exists(timingPath) && !Directory.Exists(timingPath))
            {
                context.Error.WriteLine($"No timing file or folder '{timingPath}'.");
                return 2;
            }
            var outPath = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "splits", "timing", "matches.csv");
            var report = SplitsMatchOfficialStep.Run(
                configPath,
                timingPath,
                outPath,
                parse.GetValue(tolerance),
                context.Progress
            );
            var table = new Spectre.Console.Table().AddColumns(
                "track",
                "rider",
                "sectors",
                "match",
                "race",
                "round",
                "run",
                "max |Δ| s",
                "note"
            );
            foreach (var m in report.Matches)
            {
                var f = m.Fields();
                table.AddRow(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[9], Markup.Escape(f[12]));
            }
            context.Console.Write(table);
            foreach (var r in report.Annotations.Rejected)
                context.Error.WriteLine($"rejected: {r}");
            int matched = report.Matches.Count(m => m.Matched);
            context.Console.WriteLine(
                $"{report.Annotations.Config.Runs.Count} annotated runs "
                    + $"({report.Annotations.Rejected.Count} left out); {matched} of {report.Matches.Count} "
                    + "comparisons matched within "
                    + parse.GetValue(tolerance).ToString("0.###", CultureInfo.InvariantCulture)
                    + $" s. Wrote {outPath}."
            );
            return report.Annotations.Rejected.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
