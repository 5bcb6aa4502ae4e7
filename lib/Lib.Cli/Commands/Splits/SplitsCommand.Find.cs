using System.CommandLine;
using System.Globalization;
using Lib.Splits.Domain;
using Lib.Splits.Model;
using Lib.Splits.Predict;
using Lib.Torch.Splits;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits find: a source's annotated points found in a target's video by the track's held-out model.
internal static partial class SplitsCommand
{
    private static Command FindCommand(CliContext context)
    {
        var video = new VideoOptions();
        var model = new Option<string>("--model")
        {
            Description = "A model folder, or the folder lab splits train wrote (one model per held-out track).",
            HelpName = "dir",
            Required = true,
        };
        var track = new Option<string?>("--track")
        {
            Description = "The track (needed when the config holds several).",
            HelpName = "id",
        };
        var source = new Option<string?>("--source")
        {
            Description = "The annotated source rider.",
            HelpName = "rider",
        };
        var target = new Option<string?>("--target")
        {
            Description = "The target rider (its video DIR/<track>/<rider>.mp4 need not be annotated).",
            HelpName = "rider",
        };
        var allPairs = new Option<bool>("--all-pairs")
        {
            Description = "Every ordered pair of the track's annotated riders.",
        };
        var output = new Option<string>("--out", "-o")
        {
            Description = "preds.csv: track_id,source_rider,target_rider,split_index,predicted_s,confidence.",
            HelpName = "file",
            Required = true,
        };
        var search = new SearchOptions();
        var viewer = new Option<string?>("--viewer")
        {
            Description = "Also write the viewer page (frames found and their confidence) to this HTML file.",
            HelpName = "file",
        };
        var command = new Command(
            "find",
            "Find a source rider's annotated splits in a target rider's video (the two videos time-warped, "
                + "confidence); writes preds.csv."
        )
        {
            model,
            track,
            source,
            target,
            allPairs,
            output,
            viewer,
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
                var found = SplitsPredictStep.Run(
                    new FindRequest
                    {
                        Config = config,
                        VideosFolder = folder,
                        ModelFolder = parse.GetValue(model)!,
                        Features = video.FeatureSource(context, parse),
                        TrackId = parse.GetValue(track),
                        SourceRider = parse.GetValue(source),
                        TargetRider = parse.GetValue(target),
                        AllPairs = parse.GetValue(allPairs),
                        OutputCsv = parse.GetValue(output),
                        Find = search.Read(parse),
                        Prepare = m => TorchSplitsRunner.Use(m, on),
                    },
                    context.Progress
                );
                var table = new Table().AddColumns(
                    "track",
                    "source",
                    "target",
                    "split",
                    "predicted s",
                    "confidence",
                    "baseline s"
                );
                foreach (var p in found.Pairs)
                foreach (var s in p.Splits)
                    table.AddRow(
                        p.TrackId,
                        Markup.Escape(p.SourceRider),
                        Markup.Escape(p.TargetRider),
                        SplitPoints.Name(s.Index, p.Splits.Count),
                        s.Seconds.ToString("0.000", CultureInfo.InvariantCulture),
                        s.Confidence.ToString("0.000", CultureInfo.InvariantCulture),
                        p.BaselineSeconds[s.Index].ToString("0.000", CultureInfo.InvariantCulture)
                    );
                context.Console.Write(table);
                if (found.Refinement is { } refinement)
                    context.Console.WriteLine("Refinement: " + refinement);
                context.Console.WriteLine($"Wrote {found.OutputCsv}.");
                if (parse.GetValue(viewer) is { } page)
                {
                    SplitViewerPage.Write(page, found, folder);
                    context.Console.WriteLine($"Wrote {page}.");
                }
                return Task.FromResult(0);
            }
        );
        return command;
    }
}
