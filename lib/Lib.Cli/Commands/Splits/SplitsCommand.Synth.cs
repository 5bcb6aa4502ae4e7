using System.CommandLine;
using System.Globalization;
using Lib.Splits.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits synth: synthetic traversals of real photographs (the data README's recipe) with their truth.
internal static partial class SplitsCommand
{
    private static Command SynthCommand(CliContext context)
    {
        var output = new Option<string?>("--out", "-o")
        {
            Description =
                "Where to write <track_id>/<rider_id>.mp4, video_config.yaml and synth.json. Default: "
                + "artifacts/splits/synth.",
            HelpName = "dir",
        };
        var tracks = new Option<int>("--tracks")
        {
            Description = "Tracks (5 photos each).",
            DefaultValueFactory = _ => 5,
        };
        var riders = new Option<int>("--riders") { Description = "Riders per track.", DefaultValueFactory = _ => 5 };
        var seed = new Option<long>("--seed") { Description = "The seed of every draw.", DefaultValueFactory = _ => 1 };
        var photos = new Option<string?>("--photos")
        {
            Description = "A folder of photographs (JPEG, PNG, WebP). Default: data/splits/photos.",
            HelpName = "dir",
        };
        var timing = new Option<string?>("--timing")
        {
            Description =
                "Normalised official timing (timing_expected.csv's columns) whose race rounds give the "
                + "sector times. Default: data/splits/timing_expected.csv.",
            HelpName = "file",
        };
        var command = new Command(
            "synth",
            "Generate synthetic helmet-camera traversals of real photographs (24 fps, 320×180, H.264) and their "
                + "split truth."
        )
        {
            output,
            tracks,
            riders,
            seed,
            photos,
            timing,
        };
        command.SetAction(
            (parse, cancellationToken) =>
            {
                var defaults = SynthOptions.Under(
                    context.Root,
                    parse.GetValue(tracks),
                    parse.GetValue(riders),
                    parse.GetValue(seed)
                );
                var options = defaults with
                {
                    PhotosFolder = parse.GetValue(photos) ?? defaults.PhotosFolder,
                    TimingFile = parse.GetValue(timing) ?? defaults.TimingFile,
                };
                var folder = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "splits", "synth");
                var outcome = SplitsIngestStep.Synthesize(options, folder, context.Progress, cancellationToken);
                var table = new Table().AddColumns("track", "rider", "sectors from", "run s", "start … finish");
                foreach (var run in outcome.Dataset.Runs)
                    table.AddRow(
                        run.TrackId,
                        Markup.Escape(run.RiderId),
                        Markup.Escape($"{run.Source.Race} {run.Source.Round}"),
                        run.Plan.Timing.Sectors.Sum().ToString("0.0", CultureInfo.InvariantCulture),
                        string.Join(" ", run.PointFrames.Select(SyntheticDataset.Timecode))
                    );
                context.Console.Write(table);
                context.Console.WriteLine(
                    string.Create(
                        CultureInfo.InvariantCulture,
                        $"Wrote {outcome.Dataset.Runs.Count()} videos ({outcome.Frames} frames) and "
                            + $"{SyntheticDataset.ConfigFile} to {outcome.Folder} in {outcome.TotalSeconds:0.0} s "
                            + $"({outcome.FramesPerSecond:0} frames/s)."
                    )
                );
                return Task.FromResult(0);
            }
        );
        return command;
    }
}
