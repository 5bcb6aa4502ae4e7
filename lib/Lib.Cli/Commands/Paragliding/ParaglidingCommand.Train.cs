using System.CommandLine;
using System.Globalization;
using Lib.Paragliding.Evaluate;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Torch.Paragliding;
using Lib.Workflow;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding train: the dataset step (shards), the train step, then the evaluate step on the saved folder.
internal static partial class ParaglidingCommand
{
    private static Command TrainCommand(CliContext context)
    {
        var defaults = new ParaglidingTrainOptions();
        var data = new DataOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The model folder to write. Default: artifacts/paragliding/model.",
            HelpName = "dir",
        };
        var epochs = new Option<int>("--epochs")
        {
            Description = "Epochs at most (early stopping on the validation loss may end sooner).",
            DefaultValueFactory = _ => defaults.Epochs,
        };
        var lr = new Option<double>("--lr")
        {
            Description = "Adam's initial learning rate.",
            DefaultValueFactory = _ => defaults.LearningRate,
        };
        var decay = new Option<double>("--lr-decay")
        {
            Description = "The learning rate's factor per epoch.",
            DefaultValueFactory = _ => defaults.LrDecay,
        };
        var monotonicity = new Option<double>("--monotonicity")
        {
            Description = "The monotonicity penalty's weight.",
            DefaultValueFactory = _ => defaults.Monotonicity,
        };
        var l1 = new Option<double>("--l1")
        {
            Description = "The L1 penalty's weight on every parameter.",
            DefaultValueFactory = _ => defaults.L1,
        };
        var l2 = new Option<double>("--l2")
        {
            Description = "The L2 penalty's weight on every parameter.",
            DefaultValueFactory = _ => defaults.L2,
        };
        var embedding = new Option<int>("--embedding-dim")
        {
            Description = "The site embedding's width.",
            DefaultValueFactory = _ => defaults.EmbeddingDim,
        };
        var cross = new Option<int>("--cross-layers")
        {
            Description = "The cross network's layers.",
            DefaultValueFactory = _ => defaults.CrossLayers,
        };
        var head = new Option<string>("--head")
        {
            Description = "The output head: multilabel (one sigmoid per threshold) or ordinal.",
            DefaultValueFactory = _ => defaults.Head,
        };
        head.AcceptOnlyFromAmong(GlideatorNetConfig.MultilabelHead, GlideatorNetConfig.OrdinalHead);
        var seed = new Option<long>("--seed")
        {
            Description = "Seeds the weights and the shard order.",
            DefaultValueFactory = _ => defaults.Seed,
        };
        var runs = RunsOption();
        var command = new Command(
            "train",
            "Train the Deep & Cross XC-odds model, calibrate it on the validation weeks, then evaluate it and the "
                + "climatologies on the test weeks."
        )
        {
            output,
            epochs,
            lr,
            decay,
            monotonicity,
            l1,
            l2,
            embedding,
            cross,
            head,
            seed,
            runs,
        };
        var device = DeviceOptions.Create();
        var precision = DeviceOptions.CreatePrecision();
        var resume = ResumeOptions.Create();
        command.Options.Add(device);
        command.Options.Add(precision);
        command.Options.Add(resume);
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var options = defaults with
            {
                Epochs = parse.GetValue(epochs),
                LearningRate = parse.GetValue(lr),
                LrDecay = parse.GetValue(decay),
                Monotonicity = parse.GetValue(monotonicity),
                L1 = parse.GetValue(l1),
                L2 = parse.GetValue(l2),
                EmbeddingDim = parse.GetValue(embedding),
                CrossLayers = parse.GetValue(cross),
                Head = parse.GetValue(head)!,
                Seed = parse.GetValue(seed),
                Precision = DeviceOptions.Precision(parse.GetValue(precision), parse.GetValue(device)),
            };
            if (options.Epochs < 1)
                throw new ArgumentException($"--epochs must be at least 1, got {options.Epochs}.");
            if (options.EmbeddingDim < 1 || options.CrossLayers < 0)
                throw new ArgumentException(
                    $"--embedding-dim must be at least 1 and --cross-layers at least 0, got {options.EmbeddingDim} "
                        + $"and {options.CrossLayers}."
                );
            var on = DeviceOptions.Parse(parse.GetValue(device)); // before any data is read
            var folder = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "paragliding", "model");
            // a missing checkpoint is named before any data is read
            var resumeFrom = ResumePoint.Resolve(parse.GetValue(resume), ResumePoint.Folder(folder));
            var prepared = data.Load(context, parse);
            var t = ParaglidingTrainStep
                .Run(prepared, options, folder, context.Progress, fit: TorchGlideatorFit.For(on),
                    resumeFrom: resumeFrom)
                .Model.Card.Training;
            var evaluated = ParaglidingEvaluateStep.Run(prepared, folder, Runs(context, parse, runs));
            WriteMetrics(context, evaluated.Evaluation);
            context.Console.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Trained {t.Parameters:N0} parameters in {t.Seconds:F0} s: {t.Epochs} of {t.MaxEpochs} epochs, "
                        + $"best epoch {t.BestEpoch + 1} (val loss {t.BestValue:F4})."
                )
            );
            context.Console.WriteLine(
                $"Wrote {folder}: model.safetensors, model.json, metrics.csv, metrics.json, test_predictions.csv "
                    + $"(run {evaluated.Run!.RunId[..8]} in lab runs)."
            );
            return 0;
        });
        return command;
    }
}
