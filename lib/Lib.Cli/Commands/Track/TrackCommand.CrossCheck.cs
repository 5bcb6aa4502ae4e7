using System.CommandLine;
using System.Globalization;
using Lib.Track.Ingest;
using Lib.Track.Predict;

namespace Lib.Cli.Commands;

// lab track crosscheck prepare | score: a batch-command cross-check on data the model never saw.
internal static partial class TrackCommand
{
    private static Command CrossCheckCommand(CliContext context) =>
        new(
            "crosscheck",
            "Cross-check the batch forecasts on data the model never saw: 'prepare' cuts a performance table at a "
                + "date into performances.csv, requests.csv and truth.csv; run 'lab track predict --input "
                + "--requests --out DIR/forecasts.csv'; 'score' compares the forecasts with the truth and the "
                + "baselines per gender and event family."
        )
        {
            CrossCheckPrepareCommand(context),
            CrossCheckScoreCommand(context),
        };

    private static Command CrossCheckPrepareCommand(CliContext context)
    {
        var input = new Option<string?>("--input")
        {
            Description = "A performances file (athlete,gender,event,date,mark[,wind][,label]).",
            HelpName = "file",
        };
        var lists = new Option<string?>("--season-best-lists")
        {
            Description = "The NCAA 2012–2019 season-best lists (ncaa_outdoor_2012_2019_perf_lists.csv.gz).",
            HelpName = "file",
        };
        var cut = new Option<string>("--cut")
        {
            Description = "The date (2019-01-01): marks before it are the history, the seasons after it the truth.",
            Required = true,
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "The folder to write performances.csv, requests.csv and truth.csv into.",
            Required = true,
            HelpName = "dir",
        };
        var perGender = new Option<int?>("--per-gender") { Description = "Keep this many requests per gender." };
        var seed = new Option<int>("--seed") { Description = "The sample's seed.", DefaultValueFactory = _ => 0 };
        var seasons = new Option<int>("--seasons")
        {
            Description = "The model's K (a request needs a season of its label among the last K).",
            DefaultValueFactory = _ => 4,
        };
        var command = new Command("prepare", "Cut a performance table at a date into a cross-check set.")
        {
            input,
            lists,
            cut,
            output,
            perGender,
            seed,
            seasons,
        };
        command.SetAction(parse =>
        {
            var (file, list) = (parse.GetValue(input), parse.GetValue(lists));
            if ((file is null) == (list is null))
                throw new ArgumentException("Give one of --input and --season-best-lists.");
            if (!DateOnly.TryParseExact(parse.GetValue(cut), "yyyy-MM-dd", CultureInfo.InvariantCulture, default,
                    out var date))
                throw new ArgumentException($"--cut '{parse.GetValue(cut)}' is not a date like 2019-01-01.");
            var path = file ?? list!;
            if (!File.Exists(path))
                throw new FileNotFoundException($"The performances file '{path}' does not exist.", path);
            var read = file is not null ? new HistoryCsv(file).Read() : new SeasonBestListsCsv(list!).Read();
            var set = TrackCrossCheck.Prepare(
                read.Rows,
                date,
                parse.GetValue(output)!,
                parse.GetValue(seasons),
                parse.GetValue(perGender),
                parse.GetValue(seed)
            );
            context.Console.Profile.Out.Writer.WriteLine(
                $"Read {read.Rows.Count} rows ({read.Rejected.Count} not read); wrote {set.Rows} rows before "
                    + $"{date:yyyy-MM-dd} to {set.Performances}, "
                    + string.Join(", ", set.RequestsByGender.Select(kv => $"{kv.Value} {kv.Key}'s requests"))
                    + $" to {set.Requests} and their outcomes to {set.Truth}."
            );
            context.Console.Profile.Out.Writer.WriteLine(
                $"Next: lab track predict --input {set.Performances} --requests {set.Requests} --out "
                    + Path.Combine(set.Directory, TrackCrossCheck.ForecastsFile)
            );
            return 0;
        });
        return command;
    }

    private static Command CrossCheckScoreCommand(CliContext context)
    {
        var dir = new Option<string>("--dir")
        {
            Description = "The cross-check folder (performances.csv, truth.csv and the batch's forecasts.csv).",
            Required = true,
            HelpName = "dir",
        };
        var forecasts = new Option<string?>("--forecasts")
        {
            Description = "The forecasts (default: DIR/forecasts.csv).",
            HelpName = "file",
        };
        var command = new Command(
            "score",
            "Score a cross-check's forecasts against the truth, beside the baselines, per gender and event family."
        )
        {
            dir,
            forecasts,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(dir)!;
            var report = TrackCrossCheck.Score(
                Path.Combine(folder, TrackCrossCheck.PerformancesFile),
                Path.Combine(folder, TrackCrossCheck.TruthFile),
                parse.GetValue(forecasts) ?? Path.Combine(folder, TrackCrossCheck.ForecastsFile)
            );
            context.Console.Profile.Out.Writer.WriteLine(report.ToString());
            return 0;
        });
        return command;
    }
}
