using System.CommandLine;
using Lib.Splits.Cache;
using Lib.Splits.Dataset;
using Lib.Splits.Domain;
using Lib.Splits.Ingest;

namespace Lib.Cli.Commands;

// The options train and find share: annotations, videos, features, the cache.
internal static partial class SplitsCommand
{
    private sealed class VideoOptions
    {
        public readonly Option<string?> Config = new("--config")
        {
            Description = "The annotations (video_config.yaml). Default: the lab's synthetic tracks' truth.",
            HelpName = "file",
        };
        public readonly Option<string?> Videos = new("--videos")
        {
            Description = "The videos, DIR/<track_id>/<rider_id>.mp4. Default: the lab's synthetic tracks.",
            HelpName = "dir",
        };
        public readonly Option<string> Features = new("--features")
        {
            Description = $"Per-frame features: {string.Join(" or ", FrameExtractors.Names)}.",
            DefaultValueFactory = _ => FrameExtractors.ResNet18,
        };
        public readonly Option<double> Rate = new("--rate")
        {
            Description = "Frames per second the features are taken at.",
            DefaultValueFactory = _ => SplitsCacheStep.DefaultRate,
        };
        public readonly Option<string?> Cache = new("--cache")
        {
            Description = "The derived-data cache (videos' features, the synthetic tracks). Default: artifacts/cache.",
            HelpName = "dir",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Config);
            command.Options.Add(Videos);
            command.Options.Add(Features);
            command.Options.Add(Rate);
            command.Options.Add(Cache);
        }

        public string CacheRoot(CliContext context, ParseResult parse) =>
            parse.GetValue(Cache) ?? Path.Combine(context.Artifacts, "cache");

        public Func<string, FeatureSequence> FeatureSource(CliContext context, ParseResult parse) =>
            SplitVideos.FeatureSource(
                CacheRoot(context, parse),
                parse.GetValue(Features)!,
                parse.GetValue(Rate),
                context.Progress
            );

        /// <summary>The annotations and the videos folder: both given, or the lab's synthetic tracks.</summary>
        public (VideoConfig Config, string Folder) Source(CliContext context, ParseResult parse)
        {
            string? config = parse.GetValue(Config),
                videos = parse.GetValue(Videos);
            if (config is null && videos is null)
            {
                var synth = SplitsCacheStep.Synthetic(
                    SynthOptions.Under(context.Root),
                    CacheRoot(context, parse),
                    context.Progress
                );
                return (VideoConfigYaml.Read(synth.ConfigPath), synth.Folder);
            }
            if (config is null || videos is null)
                throw new ArgumentException("Give both --config and --videos, or neither (the synthetic tracks).");
            return (VideoConfigYaml.Read(config), videos);
        }
    }
}
