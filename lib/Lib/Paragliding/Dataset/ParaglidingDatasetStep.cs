using Lib.Paragliding.Ingest;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// The dataset step (<c>lab paragliding train</c>, <c>01-flights.dib</c> … <c>06-predict.dib</c>): ingests the data
/// folder, builds the labelled site-days (with the weather table when given), fits the scalers on training weeks, and
/// writes each side of the split as tar shards under <c>shardsFolder/{train,val,test}</c>.
/// </summary>
public static class ParaglidingDatasetStep
{
    /// <summary>Samples per shard.</summary>
    public const int SamplesPerShard = 2000;

    /// <summary>Runs the step.</summary>
    /// <param name="dataFolder">A folder laid out like <c>data/paragliding</c>.</param>
    /// <param name="shardsFolder">Where the shards go (replaced atomically per split).</param>
    /// <param name="weatherPath">An optional weather table (<see cref="WeatherTable"/>).</param>
    public static ParaglidingData Run(string dataFolder, string shardsFolder, string? weatherPath = null)
    {
        var ingest = ParaglidingIngest.Run(ParaglidingSources.FromFolder(dataFolder));
        var weather = weatherPath is null ? null : WeatherTable.Read(weatherPath);
        return Run(ingest, shardsFolder, weather);
    }

    /// <summary>Runs the step on an ingest already read (and weather already in memory), split by
    /// <paramref name="split"/> (default: <see cref="WeekSplit.Hashed"/>).</summary>
    public static ParaglidingData Run(
        IngestedFlights ingest,
        string shardsFolder,
        WeatherTable? weather = null,
        WeekSplit? split = null
    )
    {
        ArgumentNullException.ThrowIfNull(ingest);
        ArgumentException.ThrowIfNullOrWhiteSpace(shardsFolder);
        var set = SiteDaySet.Build(ingest, weather, split);
        var shards = new Dictionary<DaySplit, IReadOnlyList<string>>();
        foreach (var side in Enum.GetValues<DaySplit>())
            shards[side] = ShardWriter.Write(
                set.Split(side),
                Path.Combine(shardsFolder, side.ToString().ToLowerInvariant()),
                SamplesPerShard
            );
        return new ParaglidingData(ingest, set, shards);
    }
}
