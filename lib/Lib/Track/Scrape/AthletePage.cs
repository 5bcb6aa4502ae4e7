using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>
/// A parsed athlete page: who (name and current class as the heading prints them, team, gender from the
/// team's address, the id from the page's address), every per-meet result as a <see cref="Performance"/>
/// (with place and round), the personal bests per season, the event history, and the rows left out.
/// </summary>
public sealed record AthletePage(
    string Url,
    string Name,
    long? AthleteId,
    ClassYear? ClassYear,
    string? Team,
    Gender? Gender,
    IReadOnlyList<Performance> Results,
    IReadOnlyList<PersonalBest> PersonalBests,
    IReadOnlyList<EventHistoryEntry> EventHistory,
    IReadOnlyList<RejectedRecord> Skipped
);

/// <summary>A best mark in one event and season, from the page's bests tables.</summary>
public sealed record PersonalBest(
    EventInfo Event,
    string EventText,
    Season Season,
    Mark Mark,
    Wind? Wind,
    string? MarkConverted,
    string? ResultUrl
);

/// <summary>One row of the event history tab: a mark in an event with its meet and date.</summary>
public sealed record EventHistoryEntry(
    EventInfo Event,
    string Title,
    Season? Season,
    Mark Mark,
    Wind? Wind,
    string? MarkConverted,
    string? Meet,
    long? MeetId,
    DateOnly? Date,
    string? DateText,
    string? ResultUrl
);
