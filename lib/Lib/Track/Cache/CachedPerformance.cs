using Lib.Track.Domain;

namespace Lib.Track.Cache;

/// <summary>
/// A row of the cache's <c>performances.parquet</c>: one source row as read, flattened (event code and family, the mark
/// as printed with its value, unit and status, the season's code and TFRRS name); the record is the file's schema.
/// </summary>
public sealed record CachedPerformance(
    string Source,
    string File,
    int Line,
    string AthleteKey,
    string Athlete,
    string? Team,
    string Gender,
    string Event,
    string EventFamily,
    string Mark,
    double? Value,
    string Unit,
    string Status,
    double? Wind,
    DateOnly Date,
    string Season,
    string SeasonName,
    bool SeasonInferred
);
