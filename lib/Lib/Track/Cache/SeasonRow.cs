using Lib.Track.Domain;

namespace Lib.Track.Cache;

/// <summary>
/// A row of the cache's <c>seasons.parquet</c>: one season of an athlete's event history (athlete × gender × event, one
/// season) with its
/// peak and where its marks start in <c>marks.safetensors</c> (<see cref="FirstMark"/>, <see cref="Marks"/> of them).
/// </summary>
public sealed record SeasonRow(
    int History,
    string AthleteKey,
    string Athlete,
    string Gender,
    string Event,
    string EventFamily,
    string Season,
    int SeasonYear,
    int SeasonOrder,
    string SeasonName,
    double Peak,
    int Marks,
    int FirstMark,
    DateOnly FirstDate,
    DateOnly LastDate
);
