using System.CommandLine;
using System.Globalization;
using Lib.Football.Dataset;
using Lib.Football.Evaluate;
using Lib.Football.Train;
using Lib.Tensors.Training;
using Lib.Torch.Football;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab football train: a YAML config (sanity, production, probabilistic or a file) with flags overriding it; trains,
// saves the model folder, then evaluates it on the test games against the baselines.
internal static partial class FootballCommand
{
    private static Command TrainCommand(CliContext context)
    {
        var data = new DataOptions();
        var config = new Option<string>("--config")
        {
            Description = "sanity, production, probabilistic (configs/football/NAME.yaml) or a YAML file.",
            HelpName = "name|file",
            DefaultValueFactory = _ => "production",
        };
        var output = ModelOption();
        output.Description = "Where to write the model folder. Default: artifacts/football/model.";
        var probabilistic = new Option<bool>("--probabilistic")
        {
            Description = "Train the mixture decoder (6 Gaussian modes per player, NLL).",
        };
        var batchSize = new Option<int?>("--batch-size") { Description = "Samples per batch.", HelpName = "n" };
        var maxEpochs = new Option<int?>("--max-epochs") { Description = "The most epochs.", HelpName = "n" };
        var learningRate = new Option<double?>("--learning-rate") { Description = "AdamW's rate.", HelpName = "lr" };
        var resume = ResumeOptions.Create();
        var experiment = new Option<string?>("--experiment-name")
        {
            Description = "The tracked run's experiment.",
            HelpName = "name",
        };
        var runs = new Option<string?>("--runs")
        {
            Description = "The run store. Default: artifacts/mlruns.",
            HelpName = "dir",
        };
        var command = new Command(
            "train",
            "Train the graph network (configs/football/*.yaml, flags override), save the model folder with its "
                + "checkpoints and a tracked run, and evaluate it on the held-out games against the baselines."
        )
        {
            config,
            output,
            probabilistic,
            batchSize,
            maxEpochs,
            learningRate,
            resume,
            experiment,
            runs,
        };
        var device = DeviceOptions.Create();
        var precision = DeviceOptions.CreatePrecision();
        command.Options.Add(device);
        command.Options.Add(precision);
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var options = FootballTrainOptions.Named(
                parse.GetValue(config)!,
                Path.Combine(context.Root, "configs", "football")
            );
            if (parse.GetValue(probabilistic))
                options = options with { Probabilistic = true };
            if (parse.GetValue(batchSize) is int b)
                options = options with { BatchSize = b };
            if (parse.GetValue(maxEpochs) is int e)
                options = options with { MaxEpochs = e };
            if (parse.GetValue(learningRate) is double lr)
                options = options with { LearningRate = lr };
            if (parse.GetValue(experiment) is { } name)
                options = options with { ExperimentName = name };
            var asked = DeviceOptions.Precision(parse.GetValue(precision), parse.GetValue(device));
            if (asked != TrainingPrecision.Float32) // the flag's default keeps the config's precision
                options = options with { Precision = asked };
            var on = DeviceOptions.Parse(parse.GetValue(device)); // before any data is read
            // --weeks and the config's weeks are one setting: the weeks read (train, validation and test games)
            var selection = options.Selection(data.Selection(parse));
            options = options with { Weeks = [.. selection.Weeks] };
            var football = FootballDatasetStep.Run(
                data.Data(context, parse),
                data.Cache(context, parse),
                new SampleOptions { MaxPlays = options.MaxPlays },
                selection: selection,
                progress: context.Progress
            );
            var folder = ModelFolder(context, parse, output);
            var outcome = FootballTrainStep.Run(
                football,
                options,
                folder,
                parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns"),
                parse.GetValue(resume),
                context.Progress,
                fit: TorchFootballFit.For(on)
            );
            var training = outcome.Model.Card.Training;
            context.Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Trained {training.Epochs} epochs in {training.Seconds:F0} s on {training.TrainSamples} samples "
                        + $"(best epoch {training.BestEpoch}, {training.Monitor} {training.BestValue:F3}); "
                        + $"saved {folder}; run {outcome.RunId}."
                )
            );
            var evaluation = FootballEvaluateStep.Run(football, outcome.Model, progress: context.Progress);
            WriteEvaluation(context, evaluation, groups: false);
            return 0;
        });
        return command;
    }

    /// <summary>The evaluation table (all players, then per group and play type unless <paramref name="groups"/> is
    /// false) and the coverage line.</summary>
    private static void WriteEvaluation(CliContext context, FootballEvaluation evaluation, bool groups)
    {
        static string F(double v) => double.IsNaN(v) ? "-" : v.ToString("F3", CultureInfo.InvariantCulture);
        var table = new Spectre.Console.Table().AddColumns(
            "predictor",
            "slice",
            "players",
            "ADE 1s",
            "FDE 1s",
            "miss 1s",
            "ADE 2s",
            "FDE 2s",
            "miss 2s",
            "minADE 2s",
            "minFDE 2s",
            "NLL 2s"
        );
        foreach (var row in evaluation.Rows.Where(r => groups || r.Slice == "all"))
        {
            var s = row.Score;
            table.AddRow(
                Markup.Escape(row.Predictor),
                Markup.Escape(row.Slice),
                N(s.Count2),
                F(s.Ade1),
                F(s.Fde1),
                F(s.Miss1),
                F(s.Ade2),
                F(s.Fde2),
                F(s.Miss2),
                F(s.MinAde2),
                F(s.MinFde2),
                F(s.Nll2)
            );
        }
        context.Console.WriteLine($"The {evaluation.Split} games: {N(evaluation.Samples)} samples (yards).");
        context.Console.Write(table);
        if (evaluation.Coverage is { } c)
            context.Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Coverage (tight window) on {c.Count} labelled samples, {c.PositiveRate:P1} positive: accuracy "
                        + $"{c.Accuracy:F3} (base rate {c.BaseAccuracy:F3}), Brier {c.Model.Brier:F4} (base rate "
                        + $"{c.BaseBrier:F4}), AUC {c.Model.RocAuc:F3}."
                )
            );
    }
}
