using System.CommandLine;
using System.Globalization;
using Lib.Splits.Cache;
using Lib.Splits.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits videos: probe and featurise real videos from disk (DIR/<track_id>/<rider_id>.mp4), cached per video.
internal static partial class SplitsCommand
{
    private static Command VideosCommand(CliContext context)
    {
        var from = new Option<string>("--from")
        {
            Description = "The videos folder, laid out <track_id>/<rider_id>.mp4 (helmet-camera runs, or the "
                + "folder lab splits synth wrote).",
            HelpName = "dir",
            Required = true,
        };
        var rate = new Option<double>("--rate")
        {
            Description = "Frames per second to featurise (the video is resampled).",
            DefaultValueFactory = _ => SplitsCacheStep.DefaultRate,
        };
        var features = new Option<string>("--features")
        {
            Description = $"The frame features: {string.Join(" or ", FrameExtractors.Names)} (quick).",
            DefaultValueFactory = _ => FrameExtractors.ResNet18,
        };
        var cache = new Option<string?>("--cache")
        {
            Description = "The derived-data cache. Default: artifacts/cache.",
            HelpName = "dir",
        };
        var command = new Command(
            "videos",
            "Probe every video of a folder and compute its per-frame features (cached per video, rate and features)."
        )
        {
            from,
            rate,
            features,
            cache,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(from)!;
            var entries = SplitsCacheStep.Videos(
                folder,
                parse.GetValue(cache) ?? Path.Combine(context.Artifacts, "cache"),
                parse.GetValue(rate),
                parse.GetValue(features)!,
                context.Progress
            );
            var table = new Table().AddColumns("track", "rider", "size", "frames", "rate", "s", "features", "frames/s");
            foreach (var e in entries)
            {
                var v = e.Features.Video;
                table.AddRow(
                    Markup.Escape(e.TrackId),
                    Markup.Escape(e.RiderId),
                    $"{v.Width}×{v.Height}",
                    v.FrameCount.ToString(CultureInfo.InvariantCulture),
                    v.RateText,
                    v.DurationSeconds.ToString("0.0", CultureInfo.InvariantCulture),
                    $"{e.Features.Count} × {e.Features.Dimension}",
                    e.Features.FromCache
                        ? "cached"
                        : e.Features.FramesPerSecond.ToString("0.0", CultureInfo.InvariantCulture)
                );
            }
            context.Console.Write(table);
            var computed = entries.Where(e => !e.Features.FromCache).ToList();
            if (computed.Count > 0)
            {
                int frames = computed.Sum(e => e.Features.Count);
                double speed = frames / computed.Sum(e => e.Features.Seconds);
                context.Console.WriteLine(
                    FormattableString.Invariant(
                        $"Featurised {frames} frames of {computed.Count} videos at {speed:0.0} frames/s (decode + features)."
                    )
                );
            }
            return 0;
        });
        return command;
    }
}
