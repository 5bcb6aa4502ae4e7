using System.Globalization;

namespace Lib.Splits.Ingest;

/// <summary>
/// The official run whose sector times best match an annotated run's: the annotated track and rider, which sectors
/// were compared (<c>1-5</c> all five, or <c>2-5</c>, since an annotator's start is rarely the timing start), the
/// best official run (race, round, timed-training run, rider as printed, file), its largest and mean absolute sector
/// difference in seconds and the number of official runs compared. <see cref="Matched"/> is false ("unmatched") when
/// no run is within the tolerance (1 s) on every compared sector; the best candidate is still named.
/// </summary>
public sealed record OfficialMatch(
    string TrackId,
    string RiderId,
    string Sectors,
    bool Matched,
    TimingRow? Best,
    double? MaxAbsDiffSeconds,
    double? MeanAbsDiffSeconds,
    int Candidates,
    string Note
)
{
    /// <summary>The CSV header of <see cref="Fields"/>.</summary>
    public static readonly string[] Columns =
    [
        "track_id",
        "rider_id",
        "sectors",
        "match",
        "race",
        "round",
        "run",
        "official_rider",
        "file",
        "max_abs_diff_s",
        "mean_abs_diff_s",
        "candidates",
        "note",
    ];

    /// <summary>The row as <c>matches.csv</c> writes it.</summary>
    public IReadOnlyList<string> Fields() =>
        [
            TrackId,
            RiderId,
            Sectors,
            Matched ? "matched" : "unmatched",
            Best?.Race ?? "",
            Best?.Round ?? "",
            Best?.Run?.ToString(CultureInfo.InvariantCulture) ?? "",
            Best?.Rider ?? "",
            Best?.File ?? "",
            MaxAbsDiffSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
            MeanAbsDiffSeconds?.ToString("0.000", CultureInfo.InvariantCulture) ?? "",
            Candidates.ToString(CultureInfo.InvariantCulture),
            Note,
        ];
}
