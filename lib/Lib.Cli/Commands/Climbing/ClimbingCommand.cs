using System.CommandLine;
using System.Globalization;
using Lib.Climbing.Dataset;
using Lib.Climbing.Evaluate;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab climbing ingest|train|evaluate|predict|export</c>: MoonBoard, Kilter and Tension routes → one route table → a
/// Transformer grade predictor (evaluated against two baselines) → grades for new routes. Each verb parses its options,
/// calls its room's step class (<c>ClimbingCacheStep</c>, <c>ClimbingDatasetStep</c>, <c>ClimbingTrainStep</c>,
/// <c>ClimbingEvaluateStep</c>, <c>ClimbingPredictStep</c>; export: <c>GradeTransformerOnnx.Save</c>) and shows what
/// the step returns; one file per verb.
/// </summary>
internal static partial class ClimbingCommand
{
    public static Command Create(CliContext context) =>
        new(
            "climbing",
            "Climbing boards (MoonBoard, Kilter, Tension): ingest routes, train a Transformer grade predictor, "
                + "evaluate it against baselines, grade new routes."
        )
        {
            IngestCommand(context),
            TrainCommand(context),
            EvaluateCommand(context),
            PredictCommand(context),
            ExportCommand(context),
        };

    /// <summary>Where the data comes from: the source folder and the derived-data cache (<c>--data</c>,
    /// <c>--cache</c>).</summary>
    private sealed class DataOptions
    {
        private readonly Option<string?> _data = new("--data")
        {
            Description = "The climbing data folder (moonboard/, kilter/, tension/). Default: data/climbing.",
            HelpName = "dir",
        };
        private readonly Option<string?> _cache = new("--cache")
        {
            Description = "The derived-data cache. Default: artifacts/cache.",
            HelpName = "dir",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(_data);
            command.Options.Add(_cache);
        }

        public string Data(CliContext context, ParseResult parse) =>
            parse.GetValue(_data) ?? Path.Combine(context.Root, "data", "climbing");

        public string Cache(CliContext context, ParseResult parse) =>
            parse.GetValue(_cache) ?? Path.Combine(context.Artifacts, "cache");

        /// <summary>The tokenised data (the cached ingest and tokens), its split sizes reported on the error
        /// stream.</summary>
        public ClimbingData Tokenise(CliContext context, ParseResult parse)
        {
            var data = ClimbingDatasetStep.Run(Data(context, parse), Cache(context, parse));
            context.Error.WriteLine(
                $"{data.Split(SplitName.Train).Count} train, {data.Split(SplitName.Val).Count} val, "
                    + $"{data.Split(SplitName.Test).Count} test routes; vocabulary {data.Tokens.Vocabulary.Count} "
                    + "tokens."
            );
            return data;
        }
    }

    private static Option<string?> RunsOption() =>
        new("--runs")
        {
            Description = "The tracking store the run is recorded in. Default: artifacts/mlruns.",
            HelpName = "dir",
        };

    private static string Runs(CliContext context, ParseResult parse, Option<string?> runs) =>
        parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns");

    /// <summary>The metric table of an evaluation, overall and per board.</summary>
    private static void WriteMetrics(CliContext context, Evaluation evaluation)
    {
        var table = new Spectre.Console.Table().AddColumns(
            "group",
            "predictor",
            "routes",
            "MAE",
            "RMSE",
            "R²",
            "±1",
            "±2",
            "V exact",
            "V ±1"
        );
        foreach (var m in evaluation.Metrics.Where(m => m.Scope != "board+angle"))
            table.AddRow(
                m.Group,
                Markup.Escape(m.Predictor),
                N(m.Count),
                F(m.Mae),
                F(m.Rmse),
                F(m.R2),
                P(m.Within1),
                P(m.Within2),
                P(m.VExact),
                P(m.VWithin1)
            );
        context.Console.Write(table);
    }

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string F(double v) => double.IsNaN(v) ? "" : v.ToString("0.00", CultureInfo.InvariantCulture);

    private static string P(double v) => double.IsNaN(v) ? "" : v.ToString("0%", CultureInfo.InvariantCulture);
}
