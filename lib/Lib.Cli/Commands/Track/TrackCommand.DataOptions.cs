using System.CommandLine;
using Lib.Track.Cache;

namespace Lib.Cli.Commands;

// The data options train and evaluate share (where the bundled CSVs are, the optional sources, the cache folder), run
// through the cache step.
internal static partial class TrackCommand
{
    private sealed class DataOptions
    {
        public readonly Option<string?> Data = new("--data")
        {
            Description = "The folder of bundled data (default: the repository's data/).",
            HelpName = "dir",
        };
        public readonly Option<string?> Scraped = new("--scraped")
        {
            Description = "Also read a table written by 'lab track scrape' (performances.parquet).",
            HelpName = "file",
        };
        public readonly Option<string?> SeasonBests = new("--season-best-lists")
        {
            Description =
                "Also read the NCAA 2012–2019 season-best lists (ncaa_outdoor_2012_2019_perf_lists.csv.gz; not "
                + "bundled).",
            HelpName = "file",
        };
        public readonly Option<string?> Cache = new("--cache")
        {
            Description = "The derived-data cache folder (default: artifacts/cache).",
            HelpName = "dir",
        };
        public readonly Option<bool> Rebuild = new("--rebuild-cache")
        {
            Description = "Rebuild the cached histories even when the sources are unchanged.",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(Data);
            command.Options.Add(Scraped);
            command.Options.Add(SeasonBests);
            command.Options.Add(Cache);
            command.Options.Add(Rebuild);
        }

        public TrackData Load(CliContext context, ParseResult parse)
        {
            var defaults = TrackCacheRequest.Under(context.Root);
            var request = new TrackCacheRequest(
                parse.GetValue(Data) ?? defaults.DataDirectory,
                parse.GetValue(Cache) ?? defaults.CacheDirectory,
                parse.GetValue(Scraped),
                parse.GetValue(SeasonBests),
                parse.GetValue(Rebuild)
            );
            var loaded = TrackCacheStep.Run(request, context.Progress);
            context.Error.WriteLine(loaded.Describe());
            return loaded;
        }
    }
}
