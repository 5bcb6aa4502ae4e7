using System.CommandLine;
using Lib.Splits.Domain;
using Lib.Splits.Ingest;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab splits inspect: the annotation inspection page (the frame at each timecode, per rider, per track).
internal static partial class SplitsCommand
{
    private static Command InspectCommand(CliContext context)
    {
        var config = new Option<string?>("--config", "-c")
        {
            Description = "The annotations (video_config.yaml). Default: data/splits/video_config.yaml.",
            HelpName = "file",
        };
        var videos = new Option<string>("--videos")
        {
            Description = "The videos folder: <track_id>/<rider_id>.mp4.",
            HelpName = "dir",
            Required = true,
        };
        var output = new Option<string?>("--out", "-o")
        {
            Description = "The HTML page. Default: artifacts/splits/annotations.html.",
            HelpName = "file",
        };
        var command = new Command(
            "inspect",
            "Write an offline HTML page with the frame at each annotated timecode, per rider, per track."
        )
        {
            config,
            videos,
            output,
        };
        command.SetAction(parse =>
        {
            var configPath = parse.GetValue(config)
                ?? Path.Combine(context.Root, "data", "splits", "video_config.yaml");
            var videoDir = parse.GetValue(videos)!;
            if (!File.Exists(configPath) || !Directory.Exists(videoDir))
            {
                context.Error.WriteLine(
                    File.Exists(configPath) ? $"No videos folder '{videoDir}'." : $"No annotation file '{configPath}'."
                );
                return 2;
            }
            var load = VideoConfigYaml.Load(configPath);
            foreach (var r in load.Rejected)
                context.Error.WriteLine($"rejected: {r}");
            var outPath = parse.GetValue(output) ?? Path.Combine(context.Artifacts, "splits", "annotations.html");
            var runs = AnnotationPage.Write(load.Config, videoDir, outPath, context.Progress);
            context.Console.WriteLine(
                $"{runs.Count(r => r.HasVideo)} of {runs.Count} annotated runs have a video; "
                    + $"{runs.Sum(r => r.Frames.Count(f => f.Jpeg is not null))} frames shown. Wrote {outPath}."
            );
            return load.Rejected.Count > 0 ? 1 : 0;
        });
        return command;
    }
}
