using System.CommandLine;
using Lib.Storage;
using Lib.Track.Cache;
using Lib.Track.Ingest;

namespace Lib.Cli.Commands;

// The data options train and evaluate share: where the bundled CSVs are, the optional sources, the cache folder.
internal static partial class TrackCommand
{
    private sealed class DataOptions
    {
        public readonly Option<string?> Data = new("--data") { Description = "The folder of bundled data (default: the repository's data/).", HelpName = "dir" };
        public readonly Option<string?> Scraped = new("--scraped") { Description = "Also read a table written by 'lab track scrape' (performances.parquet).", HelpName = "file" };
        public readonly Option<string?> SeasonBests = new("--season-best-lists")
        {
            Description = "Also read the NCAA 2012–2019 season-best lists (ncaa_outdoor_2012_2019_perf_lists.csv.gz; not bundled).",
            HelpName = "file",
        };
        public readonly Option<string?> Cache = new("--cache") { Description = "The derived-data cache folder (default: artifacts/cache).", HelpName = "dir" };
        public readonly Option<bool> Rebuild = new("--rebuild-cache") { Description = "Rebuild the cached families even when the sources are unchanged." };

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
            var data = parse.GetValue(Data) ?? Path.Combine(context.Root, "data");
            var scraped = parse.GetValue(Scraped);
            var bests = parse.GetValue(SeasonBests);
            foreach (var file in new[] { scraped, bests })
                if (file is not null && !File.Exists(file)) throw new FileNotFoundException($"The source file '{file}' does not exist.", file);
            if (!Directory.Exists(Path.Combine(data, "tfrrs"))) throw new DirectoryNotFoundException($"'{data}' has no tfrrs/ folder of bundled CSVs.");
            var cache = new DerivedCache(parse.GetValue(Cache) ?? Path.Combine(context.Artifacts, "cache"));
            var loaded = TrackCache.Build(cache, PerformanceSources.Default(data, scraped, bests), parse.GetValue(Rebuild), context.Progress);
            context.Error.WriteLine(loaded.Cache.Rebuilt
                ? $"Built the track cache ({loaded.Cache.Reason}): {loaded.Families.Count} families from {loaded.Sources.Sum(s => s.Rows)} rows, {loaded.Sources.Sum(s => s.Rejected)} rejected (see {loaded.RejectedPath})."
                : $"Loaded the track cache: {loaded.Families.Count} families (sources unchanged).");
            return loaded;
        }
    }
}
