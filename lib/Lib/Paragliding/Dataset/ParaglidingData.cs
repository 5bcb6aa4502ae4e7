using Lib.Paragliding.Ingest;

namespace Lib.Paragliding.Dataset;

/// <summary>What the dataset step gives: the ingest, the labelled and scaled site-days, and the tar shards of each
/// side of the split.</summary>
public sealed record ParaglidingData(
    IngestedFlights Ingest,
    SiteDaySet Set,
    IReadOnlyDictionary<DaySplit, IReadOnlyList<string>> Shards
);
