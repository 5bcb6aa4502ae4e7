using Lib.Track.Events;
using Lib.Track.Marks;

namespace Lib.Track.Scrape;

/// <summary>
/// One performance as scraped from a TFRRS page: who, which event, the mark as printed and its value,
/// the wind, where and when, the season, the place and round. Fields a page does not print are null.
/// </summary>
public sealed record Performance
{
    /// <summary>The page the row came from (its TFRRS address, whatever server it was fetched from).</summary>
    public required string SourceUrl { get; init; }

    /// <summary>Which page parser made the row: <c>list</c> or <c>athlete</c>.</summary>
    public required string SourceKind { get; init; }

    /// <summary>The row's position among the page's rows, from 1.</summary>
    public required int SourceRow { get; init; }

    /// <summary>Men's, women's or mixed.</summary>
    public required Gender Gender { get; init; }

    /// <summary>The event (canonical code, family, direction, unit).</summary>
    public required EventInfo Event { get; init; }

    /// <summary>The event as the page titles it, such as <c>100 Meters (Men)</c> or <c>4x100</c>.</summary>
    public required string EventTitle { get; init; }

    /// <summary>TFRRS's own number for the event on list pages (<c>standard_event_hnd_6</c> is 6); null elsewhere.</summary>
    public int? TfrrsEventId { get; init; }

    /// <summary>The athlete as printed (<c>McCallum, T'Mars</c> on lists, the page heading on athlete pages); null for relay rows of lists.</summary>
    public string? Athlete { get; init; }

    /// <summary>TFRRS's athlete id, from the athlete's link or page address.</summary>
    public long? AthleteId { get; init; }

    /// <summary>The team as printed.</summary>
    public string? Team { get; init; }

    /// <summary>The athlete's class when the page prints it.</summary>
    public ClassYear? ClassYear { get; init; }

    /// <summary>The mark (as printed, its value in seconds, metres or points, flags or non-mark status).</summary>
    public required Mark Mark { get; init; }

    /// <summary>The converted imperial mark printed beside a metric one, such as <c>24' 5.25"</c>.</summary>
    public string? MarkConverted { get; init; }

    /// <summary>An explanation TFRRS attaches to the mark, such as <c>Converted from 10.00 for Altitude.</c></summary>
    public string? MarkNote { get; init; }

    /// <summary>The wind reading when printed.</summary>
    public Wind? Wind { get; init; }

    /// <summary>The meet's name as printed.</summary>
    public string? Meet { get; init; }

    /// <summary>TFRRS's meet id, from the meet's link.</summary>
    public long? MeetId { get; init; }

    /// <summary>The meet's first day.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>The meet date as printed, such as <c>May 18-19, 2022</c>.</summary>
    public string? DateText { get; init; }

    /// <summary>Indoor, outdoor or cross country: from the page, else from the event and date (<see cref="SeasonInference"/>).</summary>
    public Season? Season { get; init; }

    /// <summary>The place (rank on a list, finishing place on an athlete page); ties repeat.</summary>
    public int? Place { get; init; }

    /// <summary>The round, where athlete pages print it.</summary>
    public Round? Round { get; init; }

    /// <summary>The relay's legs as listed (empty for individual events, and for relays on athlete pages).</summary>
    public IReadOnlyList<RelayMember> RelayMembers { get; init; } = [];

    /// <summary>The result page the mark links to.</summary>
    public string? ResultUrl { get; init; }
}
