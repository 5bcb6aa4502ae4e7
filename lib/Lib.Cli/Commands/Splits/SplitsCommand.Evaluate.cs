using System.CommandLine;
using Lib.Splits.Dataset;
using Lib.Splits.Evaluate;
using Lib.Splits.Model;
using Lib.Torch.Splits;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits evaluate: the models lab splits train wrote, each on its held-out track, with a chosen search.
internal static partial class SplitsCommand
{
    private static Command EvaluateCommand(CliContext context)
    {
        var video = new VideoOptions();
        var search = new SearchOptions();
        var model = new Option<string>("--model")
        {
            Description = "The folder lab splits train wrote (one model per held-out track).",
            HelpName = "dir",
            Required = true,
        };
        var points = new Option<string?>("--points")
        {
            Description = "Also write every point (truth, model, both baselines) to this CSV.",
            HelpName = "file",
        };
        var validation = new Option<bool>("--on-validation")
        {
            Description = "Evaluate each model on the track that validated it instead (to choose search settings).",
        };
        var command = new Command(
            "evaluate",
            "Find every ordered pair's splits on each held-out track with the model that held it out, next to the "
                + "proportional baseline (on the model's and on the true start and finish)."
        )
        {
            model,
            points,
            validation,
        };
        video.AddTo(command);
        search.AddTo(command);
        var device = EncoderDevice();
        command.Options.Add(device);
        command.SetAction(
            (parse, cancellationToken) =>
            {
                var on = DeviceOptions.Parse(parse.GetValue(device)); // before any video is read
                var (config, folder) = video.Source(context, parse);
                var videos = SplitVideos.Load(config, folder, video.FeatureSource(context, parse));
                string root = parse.GetValue(model)!;
                var models = videos
                    .Select(v => v.TrackId)
                    .Distinct()
                    .Order(StringComparer.Ordinal)
                    .Where(t => Lib.Workflow.ModelFolder.Holds(Path.Combine(root, t)))
                    .Select(t => SplitModels.For(root, t))
                    .ToList();
                foreach (var m in models)
                    TorchSplitsRunner.Use(m, on);
                if (models.Count == 0)
                    throw new ArgumentException($"{root} holds no model folder named after a track of the config.");
                var find = search.Read(parse);
                var refiner = find.Refine == PointRefine.Register ? new PointRefiner(find) : null;
                var evaluation = SplitsEvaluateStep.Run(
                    models,
                    videos,
                    find,
                    context.Progress,
                    parse.GetValue(validation),
                    refiner
                );
                if (refiner is not null)
                    context.Console.WriteLine("Refinement: " + refiner.Report);
                context.Console.Write(ScoreTable(evaluation));
                context.Console.WriteLine(
                    evaluation.MeetsTarget
                        ? "Every held-out track meets the target."
                        : "Not every held-out track meets the target."
                );
                if (parse.GetValue(points) is { } csv)
                    PointPredictionCsv.Write(csv, evaluation.Points);
                return Task.FromResult(0);
            }
        );
        return command;
    }
}
