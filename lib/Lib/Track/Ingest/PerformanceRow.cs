using Lib.Track.Events;
using Lib.Track.Marks;
using Lib.Track.Scrape;

namespace Lib.Track.Ingest;

/// <summary>
/// One performance in the common shape every source adapter produces and the cache stores: where it
/// came from (source, file, line), who (a key that identifies the athlete within the source, the name
/// as printed, the team), the event, the mark, the wind, the date and the season.
/// </summary>
public sealed record PerformanceRow
{
    /// <summary>The source's name, such as <c>big_south</c> or <c>lehigh</c> (see <see cref="IPerformanceSource.Name"/>).</summary>
    public required string Source { get; init; }

    /// <summary>The file the row was read from, as the source names it (its file name).</summary>
    public required string File { get; init; }

    /// <summary>The line the row's record starts on (the header is line 1), or the row number of a table.</summary>
    public required int Line { get; init; }

    /// <summary>
    /// Identifies the athlete across the source's rows: <c>big_south:HUNTER ADAMS|M</c>, <c>tfrrs:7983217</c>.
    /// Prefixed by the source, so rows of two sources never merge by accident.
    /// </summary>
    public required string AthleteKey { get; init; }

    /// <summary>The athlete's name as printed.</summary>
    public required string Athlete { get; init; }

    /// <summary>The team as printed, when the source has one.</summary>
    public string? Team { get; init; }

    /// <summary>Men's or women's (mixed relays are never athletes' rows).</summary>
    public required Gender Gender { get; init; }

    /// <summary>The event.</summary>
    public required EventInfo Event { get; init; }

    /// <summary>The mark (a value, or a non-mark such as DNF).</summary>
    public required Mark Mark { get; init; }

    /// <summary>The wind in m/s, when the source prints a reading.</summary>
    public double? Wind { get; init; }

    /// <summary>The meet's first day.</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Indoor, outdoor or cross country.</summary>
    public required Season Season { get; init; }

    /// <summary>True when the source did not say and the season was inferred from the event and date (<see cref="SeasonInference"/>).</summary>
    public bool SeasonInferred { get; init; }
}
