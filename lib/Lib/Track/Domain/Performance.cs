namespace Lib.Track.Domain;

/// <summary>
/// One track performance, whether scraped from a TFRRS page or read from a source file by an ingest adapter: where it
/// came from, who, the event, the mark, the wind, where and when, the season. What a page or file does not give is
/// null; rows an adapter accepts always have an <see cref="AthleteKey"/>, an <see cref="Athlete"/>, a
/// <see cref="Date"/> and a <see cref="Season"/>. Tables of it: <c>PerformanceTable</c> (scraped) and the
/// cache's
/// <c>performances.parquet</c>.
/// </summary>
public sealed record Performance
{
    /// <summary>
    /// The source's name: <c>big_south</c>, <c>lehigh</c> … for rows read from files (see
    /// <c>IPerformanceSource.Name</c>), <c>tfrrs</c> for scraped rows.
    /// </summary>
    public required string Source { get; init; }

    /// <summary>
    /// The file the row was read from (its name), or the TFRRS address of the page it was scraped from (whatever server
    /// answered).
    /// </summary>
    public required string File { get; init; }

    /// <summary>
    /// The line the row's record starts on (the header is line 1), or the row's position among the page's rows, from 1.
    /// </summary>
    public required int Line { get; init; }

    /// <summary>
    /// Which page parser made a scraped row, <c>list</c> or <c>athlete</c>; null for rows read from files.
    /// </summary>
    public string? SourceKind { get; init; }

    /// <summary>
    /// Identifies the athlete across an ingested source's rows (<c>big_south:HUNTER ADAMS|M</c>,
    /// <c>scraped:7983217</c>),
    /// prefixed by the source so rows of two sources never merge by accident; null on scraped rows.
    /// </summary>
    public string? AthleteKey { get; init; }

    /// <summary>The athlete as printed (<c>McCallum, T'Mars</c> on lists); null for relay rows of lists.</summary>
    public string? Athlete { get; init; }

    /// <summary>TFRRS's athlete id, from the athlete's link or page address.</summary>
    public long? AthleteId { get; init; }

    /// <summary>The team as printed, when there is one.</summary>
    public string? Team { get; init; }

    /// <summary>The athlete's class when the page prints it.</summary>
    public ClassYear? ClassYear { get; init; }

    /// <summary>Men's, women's or mixed (mixed relays are never athletes' rows).</summary>
    public required Gender Gender { get; init; }

    /// <summary>The event (canonical code, family, direction, unit).</summary>
    public required EventInfo Event { get; init; }

    /// <summary>The event as the page titles it, such as <c>100 Meters (Men)</c> or <c>4x100</c>.</summary>
    public string? EventTitle { get; init; }

    /// <summary>TFRRS's own number for the event on list pages (<c>standard_event_hnd_6</c> is 6).</summary>
    public int? TfrrsEventId { get; init; }

    /// <summary>The mark (as printed, its value in seconds, metres or points, flags or non-mark status).</summary>
    public required Mark Mark { get; init; }

    /// <summary>The converted imperial mark printed beside a metric one, such as <c>24' 5.25"</c>.</summary>
    public string? MarkConverted { get; init; }

    /// <summary>An explanation TFRRS attaches to the mark, such as <c>Converted from 10.00 for Altitude.</c></summary>
    public string? MarkNote { get; init; }

    /// <summary>The wind reading, when printed.</summary>
    public Wind? Wind { get; init; }

    /// <summary>The meet's name as printed.</summary>
    public string? Meet { get; init; }

    /// <summary>TFRRS's meet id, from the meet's link.</summary>
    public long? MeetId { get; init; }

    /// <summary>The meet's first day.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The meet date as printed, such as <c>May 18-19, 2022</c>.</summary>
    public string? DateText { get; init; }

    /// <summary>
    /// Indoor, outdoor or cross country: from the page or file, else from the event and date (<see
    /// cref="SeasonInference"/>).
    /// </summary>
    public Season? Season { get; init; }

    /// <summary>True when the file did not say and the season was inferred from the event and date.</summary>
    public bool SeasonInferred { get; init; }

    /// <summary>The place (rank on a list, finishing place on an athlete page); ties repeat.</summary>
    public int? Place { get; init; }

    /// <summary>The round, where athlete pages print it.</summary>
    public Round? Round { get; init; }

    /// <summary>The relay's legs as listed (empty for individual events, and for relays on athlete pages).</summary>
    public IReadOnlyList<RelayMember> RelayMembers { get; init; } = [];

    /// <summary>The result page the mark links to.</summary>
    public string? ResultUrl { get; init; }
}
