using System.CommandLine;
using System.Globalization;
using Lib.Splits.Dataset;
using Lib.Splits.Evaluate;
using Lib.Splits.Model;
using Lib.Splits.Train;
using Lib.Torch.Splits;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits train: one siamese LSTM per held-out track (leave-one-track-out), then each finds its track's points.
internal static partial class SplitsCommand
{
    private static Command TrainCommand(CliContext context)
    {
        var defaults = new SplitsTrainOptions();
        var sample = new SampleOptions();
        var video = new VideoOptions();
        var output = new Option<string?>("--out", "-o")
        {
            Description = "Where the models go (DIR/<held-out track>/). Default: artifacts/splits/models.",
            HelpName = "dir",
        };
        var testTracks = new Option<string[]>("--test-track")
        {
            Description = "Train only the folds holding out these tracks (repeatable). Default: every track.",
            HelpName = "id",
        };
        var task = new Option<string>("--task")
        {
            Description = "classifier (same place or not; finds splits) or regressor (offset).",
            DefaultValueFactory = _ => "classifier",
        };
        var epochs = new Option<int>("--epochs")
        {
            Description = "Epochs at most.",
            DefaultValueFactory = _ => defaults.Epochs,
        };
        var lr = new Option<double>("--lr")
        {
            Description = "Adam's learning rate.",
            DefaultValueFactory = _ => defaults.LearningRate,
        };
        var clip = new Option<int>("--clip-length")
        {
            Description = "Frames per clip (F).",
            DefaultValueFactory = _ => sample.ClipLength,
        };
        var augmented = new Option<int>("--augmented")
        {
            Description = "Augmented positives per segment.",
            DefaultValueFactory = _ => sample.AugmentedPerSegment,
        };
        var (alpha, beta, alphaSplit0, betaSplit0) = BetaOptions(sample);
        var addPosition = new Option<bool>("--add-position-feature")
        {
            Description = "Append each frame's index to its features (the original's add_position_feature).",
        };
        var addPercent = new Option<bool>("--add-percent-completion-feature")
        {
            Description =
                "Append each frame's index ÷ the video's frames (the original's add_percent_completion_feature).",
        };
        var maxPairs = new Option<int?>("--max-train-pairs")
        {
            Description = "At most this many training pairs.",
            HelpName = "n",
        };
        var resume = ResumeOptions.Create("each fold's checkpoints/last.safetensors; a file needs one --test-track");
        var search = new SearchOptions();
        var network = new NetworkOptions();
        var runs = new Option<string?>("--runs")
        {
            Description = "The run store. Default: artifacts/mlruns.",
            HelpName = "dir",
        };
        var command = new Command(
            "train",
            "Train the siamese LSTM per held-out track (leave-one-track-out) on the lab's synthetic tracks or "
                + "--config/--videos, then find every ordered pair's splits on each held-out track next to the "
                + "proportional baseline."
        )
        {
            output,
            testTracks,
            task,
            epochs,
            lr,
            clip,
            augmented,
            alpha,
            beta,
            alphaSplit0,
            betaSplit0,
            addPosition,
            addPercent,
            maxPairs,
            resume,
            runs,
        };
        video.AddTo(command);
        search.AddTo(command);
        network.AddTo(command);
        var device = DeviceOptions.Create();
        var precision = DeviceOptions.CreatePrecision();
        command.Options.Add(device);
        command.Options.Add(precision);
        command.SetAction(
            (parse, cancellationToken) =>
            {
                var kind = parse.GetValue(task) switch
                {
                    "classifier" => SampleTask.Classifier,
                    "regressor" => SampleTask.Regressor,
                    var other => throw new ArgumentException($"--task must be classifier or regressor; got {other}."),
                };
                var asked = DeviceOptions.Precision(parse.GetValue(precision), parse.GetValue(device));
                var on = DeviceOptions.Parse(parse.GetValue(device)); // before any video is read
                var (config, folder) = video.Source(context, parse);
                var videos = SplitVideos.Load(config, folder, video.FeatureSource(context, parse));
                var options = network.Apply(parse, new SplitsTrainOptions
                {
                    Task = kind,
                    Precision = asked,
                    Epochs = parse.GetValue(epochs),
                    LearningRate = parse.GetValue(lr),
                    MaxTrainPairs = parse.GetValue(maxPairs),
                    AddPositionFeature = parse.GetValue(addPosition),
                    AddPercentCompletionFeature = parse.GetValue(addPercent),
                    Samples = sample with
                    {
                        ClipLength = parse.GetValue(clip),
                        AugmentedPerSegment = parse.GetValue(augmented),
                        Alpha = parse.GetValue(alpha),
                        Beta = parse.GetValue(beta),
                        AlphaSplit0 = parse.GetValue(alphaSplit0),
                        BetaSplit0 = parse.GetValue(betaSplit0),
                    },
                });
                var wanted = parse.GetValue(testTracks);
                var folds = SplitsTrainStep.Run(
                    new SplitsTrainRequest
                    {
                        Videos = videos,
                        Feature = parse.GetValue(video.Features)!,
                        Options = options,
                        OutputFolder = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "splits", "models"),
                        TestTracks = wanted is { Length: > 0 } ? wanted : null,
                        RunsFolder = parse.GetValue(runs) ?? Path.Combine(context.Artifacts, "mlruns"),
                        ResumeFrom = parse.GetValue(resume),
                        Fit = TorchSplitsFit.For(on),
                    },
                    context.Progress,
                    cancellationToken
                );
                foreach (var f in folds)
                    context.Console.WriteLine(
                        string.Create(
                            CultureInfo.InvariantCulture,
                            $"{f.Fold.TestTrack}: {f.Model.Card.Training.TrainSamples} training pairs, best epoch "
                                + $"{f.Model.Card.Training.BestEpoch + 1} of {f.History.Epochs.Count}, "
                                + $"{string.Join(", ", f.Model.Card.Metrics.Select(m => $"{m.Key} {m.Value:0.###}"))}"
                                + $" → {f.Folder}"
                        )
                    );
                if (kind == SampleTask.Classifier)
                {
                    var evaluation = SplitsEvaluateStep.Run(
                        [.. folds.Select(f => f.Model)],
                        videos,
                        search.Read(parse),
                        context.Progress
                    );
                    context.Console.Write(ScoreTable(evaluation));
                    context.Console.WriteLine(
                        evaluation.MeetsTarget
                            ? "Every held-out track meets the target (MAE ≤ 0.25 s, ≥ 90% within 0.5 s for every pair, "
                                + "better than both baselines)."
                            : "Not every held-out track meets the target (MAE ≤ 0.25 s, ≥ 90% within 0.5 s for every "
                                + "pair, better than both baselines)."
                    );
                }
                return Task.FromResult(0);
            }
        );
        return command;
    }

    /// <summary>The Beta distributions' parameters of augmented positives (the original's <c>--alpha</c>,
    /// <c>--beta</c>, <c>--alpha_split_0</c>, <c>--beta_split_0</c>).</summary>
    private static (Option<double>, Option<double>, Option<double>, Option<double>) BetaOptions(SampleOptions sample)
    {
        Option<double> Make(string name, string description, double value) =>
            new(name) { Description = description, DefaultValueFactory = _ => value };
        return (
            Make("--alpha", "Beta α of augmented positives after the first split.", sample.Alpha),
            Make("--beta", "Beta β of augmented positives after the first split.", sample.Beta),
            Make("--alpha-split-0", "Beta α of augmented positives from the start to split 1.", sample.AlphaSplit0),
            Make("--beta-split-0", "Beta β of augmented positives from the start to split 1.", sample.BetaSplit0)
        );
    }

    private static Table ScoreTable(SplitsEvaluation evaluation)
    {
        var table = new Table().AddColumns(
            "track",
            "method",
            "points",
            "MAE s",
            "≤ 0.5 s",
            "worst pair MAE s",
            "worst pair ≤ 0.5 s"
        );
        foreach (var s in evaluation.Scores)
            table.AddRow(
                s.Track,
                Markup.Escape(s.Method),
                s.Points.ToString(CultureInfo.InvariantCulture),
                s.MaeSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                s.Within05.ToString("0.0%", CultureInfo.InvariantCulture),
                s.WorstPairMaeSeconds.ToString("0.000", CultureInfo.InvariantCulture),
                s.WorstPairWithin05.ToString("0.0%", CultureInfo.InvariantCulture)
            );
        return table;
    }
}
