using Lib.Track.Domain;

namespace Lib.Track.Scrape;

/// <summary>
/// A row of the scraped table (<c>performances.parquet</c> / <c>.csv</c> of <c>lab track scrape</c>, written by
/// <see cref="PerformanceTable"/>): one scraped performance flattened into text, numbers and a date. The mark as
/// printed with its value (seconds, metres or points), unit (<c>s</c>, <c>m</c>, <c>points</c>), status (OK or DNF,
/// DQ…) and flags (<c>w</c>, <c>h</c>, then the markers as printed:
/// <c>@</c>, <c>%</c>, <c>(55)</c>, <c>(1)</c>…); the wind in m/s and as printed; the meet's first day; the season
/// (indoor, outdoor, xc); the round (F, P, S); relay members and their ids comma-separated. The record is the schema.
/// </summary>
public sealed record ScrapedRow(
    string SourceUrl,
    string? SourceKind,
    int SourceRow,
    string Gender,
    string Event,
    string EventFamily,
    string? EventTitle,
    int? TfrrsEventId,
    string? Athlete,
    long? AthleteId,
    string? Team,
    string? ClassYear,
    string Mark,
    double? Value,
    string Unit,
    string Status,
    string? Flags,
    string? MarkConverted,
    string? MarkNote,
    double? Wind,
    string? WindText,
    string? Meet,
    long? MeetId,
    DateOnly? Date,
    string? DateText,
    string? Season,
    int? Place,
    string? Round,
    string? RelayMembers,
    string? RelayMemberIds,
    string? ResultUrl
);
