using System.CommandLine;
using System.Globalization;
using Lib.Climbing.Evaluate;
using Lib.Climbing.Train;
using Lib.Tensors.Training;
using Lib.Torch.Climbing;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab climbing train: the train step, then the evaluate step on the saved folder (metrics, predictions, a tracked run).
internal static partial class ClimbingCommand
{
    private static Command TrainCommand(CliContext context)
    {
        var defaults = new TrainOptions();
        var data = new DataOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "The model folder to write (model.safetensors, model.json, metrics, predictions). Default: "
                + "artifacts/climbing/model.",
            HelpName = "dir",
        };
        var epochs = new Option<int>("--epochs")
        {
            Description = "Epochs at most (early stopping on the validation MAE may end sooner).",
            DefaultValueFactory = _ => 30,
        };
        var dModel = new Option<int>("--d-model")
        {
            Description = "The model width.",
            DefaultValueFactory = _ => defaults.DModel,
        };
        var layers = new Option<int>("--layers")
        {
            Description = "Encoder layers.",
            DefaultValueFactory = _ => defaults.NumLayers,
        };
        var heads = new Option<int>("--heads")
        {
            Description = "Attention heads.",
            DefaultValueFactory = _ => defaults.NHead,
        };
        var ff = new Option<int>("--ff")
        {
            Description = "The feed-forward width.",
            DefaultValueFactory = _ => defaults.DimFeedforward,
        };
        var lr = new Option<double>("--lr")
        {
            Description = "The peak learning rate.",
            DefaultValueFactory = _ => defaults.LearningRate,
        };
        var seed = new Option<long>("--seed")
        {
            Description = "Seeds the weights, dropout and batch order.",
            DefaultValueFactory = _ => defaults.Seed,
        };
        var maxTrain = new Option<int?>("--max-train-routes")
        {
            Description = "Train on at most this many routes (a quick run).",
            HelpName = "n",
        };
        var precision = DeviceOptions.CreatePrecision();
        var device = DeviceOptions.Create();
        var runs = RunsOption();
        var command = new Command(
            "train",
            "Train the Transformer grade predictor, then evaluate it and both baselines on the test split."
        )
        {
            output,
            epochs,
            dModel,
            layers,
            heads,
            ff,
            lr,
            seed,
            maxTrain,
            precision,
            device,
            runs,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Epochs = parse.GetValue(epochs),
                DModel = parse.GetValue(dModel),
                NumLayers = parse.GetValue(layers),
                NHead = parse.GetValue(heads),
                DimFeedforward = parse.GetValue(ff),
                LearningRate = parse.GetValue(lr),
                Seed = parse.GetValue(seed),
                MaxTrainRoutes = parse.GetValue(maxTrain),
                Precision = DeviceOptions.Precision(parse.GetValue(precision), parse.GetValue(device)),
            };
            if (options.Epochs < 1)
                throw new ArgumentException($"--epochs must be at least 1, got {options.Epochs}.");
            if (options.DModel % options.NHead != 0)
                throw new ArgumentException(
                    $"--d-model {options.DModel} must be a multiple of --heads {options.NHead}."
                );
            var on = DeviceOptions.Parse(parse.GetValue(device));
            var outDir = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "climbing", "model");
            var prepared = data.Tokenise(context, parse);
            var t = ClimbingTrainStep
                .Run(prepared, options, outDir, context.Progress, fit: TorchGradeFit.For(on))
                .Model.Card.Training;
            var evaluated = ClimbingEvaluateStep.Run(prepared, outDir, Runs(context, parse, runs));

            WriteMetrics(context, evaluated.Evaluation);
            context.Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Trained {t.Parameters:N0} parameters in {t.Seconds:F0} s: {t.Epochs} of {t.MaxEpochs} "
                        + $"epochs, best epoch {t.BestEpoch + 1} (val MAE {t.BestValue:F3})."
                )
            );
            context.Console.WriteLine(
                $"Wrote {outDir}: model.safetensors, model.json, metrics.json, metrics.csv, predictions.csv "
                    + $"(run {evaluated.Run!.RunId[..8]} in lab runs)."
            );
            return 0;
        });
        return command;
    }
}
