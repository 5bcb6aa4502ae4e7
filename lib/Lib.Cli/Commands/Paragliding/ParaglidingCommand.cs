using System.CommandLine;
using System.Globalization;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Evaluate;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab paragliding …</c>: cross-country paragliding (a Glideator port). The parser verbs: <c>igc</c> (flight-log
/// summaries), <c>grib</c> (GRIB2 weather at sites in Glideator's schema), <c>weather</c> and <c>xcontest</c> (saved
/// XContest pages to rows); the model verbs: CFD flights and launch sites → labelled site-days in tar shards →
/// Glideator's Deep &amp; Cross network → calibrated odds of an XC distance per (site, day): <c>train</c>,
/// <c>evaluate</c>, <c>cv</c> (cross-validation by ISO week), <c>predict</c>, <c>export</c>. Each verb parses its
/// options, calls its room's step class and shows what it returns; one file per verb.
/// </summary>
internal static partial class ParaglidingCommand
{
    public static Command Create(CliContext context) =>
        new(
            "paragliding",
            "Paragliding XC odds (Glideator port): IGC flight logs, GRIB2 weather at launch sites, XContest pages; "
                + "train a Deep & Cross network on CFD flights, evaluate it against climatology, predict "
                + "P(flight > 20…100 km) per site and day, export it to ONNX."
        )
        {
            IgcCommand(context),
            GribCommand(context),
            WeatherCommand(context),
            XContestCommand(context),
            TrainCommand(context),
            EvaluateCommand(context),
            CvCommand(context),
            PredictCommand(context),
            ExportCommand(context),
        };

    /// <summary>The data folder, the shards folder and the optional weather table.</summary>
    private sealed class DataOptions
    {
        private readonly Option<string?> _data = new("--data")
        {
            Description = "The paragliding data folder. Default: data/paragliding.",
            HelpName = "dir",
        };
        private readonly Option<string?> _shards = new("--shards")
        {
            Description = "Where the tar shards are written. Default: artifacts/paragliding/shards.",
            HelpName = "dir",
        };
        private readonly Option<string?> _weather = new("--weather")
        {
            Description =
                "A weather table (site_id,date,hour,variable,value; hours 9, 12, 15) to train with. Default: none "
                + "(site and date features only).",
            HelpName = "file.csv",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(_data);
            command.Options.Add(_shards);
            command.Options.Add(_weather);
        }

        public ParaglidingData Load(CliContext context, ParseResult parse)
        {
            var data = ParaglidingDatasetStep.Run(
                parse.GetValue(_data) ?? Path.Combine(context.Root, "data", "paragliding"),
                parse.GetValue(_shards) ?? Path.Combine(context.Artifacts, "paragliding", "shards"),
                parse.GetValue(_weather)
            );
            context.Error.WriteLine(
                $"{data.Ingest.Flights.Count} flights, {data.Set.Sites.Count} mapped sites, "
                    + $"{data.Set.Split(DaySplit.Train).Count} train / {data.Set.Split(DaySplit.Val).Count} val / "
                    + $"{data.Set.Split(DaySplit.Test).Count} test site-days; {data.Ingest.Rejected.Count} records "
                    + "rejected."
            );
            return data;
        }
    }

    private static Option<string?> ModelOption(string description) =>
        new("--model", "-m") { Description = description, HelpName = "dir" };

    private static string ModelFolder(CliContext context, ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) ?? Path.Combine(context.Artifacts, "paragliding", "model");

    private static Option<string?> RunsOption() =>
        new("--runs")
        {
            Description = "The tracking store the run is recorded in. Default: artifacts/mlruns.",
            HelpName = "dir",
        };

    private static string Runs(CliContext context, ParseResult parse, Option<string?> runs) =>
        parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns");

    /// <summary>The per-threshold table of an evaluation (all test site-days).</summary>
    private static void WriteMetrics(CliContext context, ParaglidingEvaluation evaluation)
    {
        var table = new Spectre.Console.Table().AddColumns(
            "predictor",
            "km",
            "n",
            "pos",
            "Brier",
            "log loss",
            "ECE",
            "AUC",
            "violations"
        );
        string F(double v, string f) => v.ToString(f, CultureInfo.InvariantCulture);
        foreach (var m in evaluation.Metrics.Where(m => m.Subset == evaluation.Metrics[0].Subset))
            table.AddRow(
                Markup.Escape(m.Predictor),
                F(m.ThresholdKm, "0"),
                F(m.Count, "0"),
                F(m.Positives, "0"),
                F(m.Brier, "0.00000"),
                F(m.LogLoss, "0.0000"),
                F(m.Ece, "0.0000"),
                F(m.RocAuc, "0.000"),
                F(m.Violations, "0.000%")
            );
        context.Console.Write(table);
        var all = evaluation.Metrics[0].Subset;
        double calibrated = evaluation.MeanBrier(ParaglidingEvaluation.CalibratedName, all);
        double climatology = evaluation.MeanBrier("climatology per site × month", all);
        double ece = evaluation.MaxEce(ParaglidingEvaluation.CalibratedName);
        context.Console.WriteLine(
            string.Create(
                CultureInfo.InvariantCulture,
                $"Mean Brier: calibrated {calibrated:0.00000}, climatology per site × month {climatology:0.00000}; "
                    + $"max ECE calibrated {ece:0.0000}."
            )
        );
    }
}
