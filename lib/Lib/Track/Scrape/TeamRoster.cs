using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Scrape;

/// <summary>A parsed team page: the team, its gender and sport, the season shown, and the roster (the athletes to
/// discover).</summary>
public sealed record TeamRoster(
    string Url,
    string Team,
    Gender? Gender,
    string? Sport,
    string? SeasonLabel,
    IReadOnlyList<RosterEntry> Athletes,
    IReadOnlyList<RejectedRecord> Skipped
);

/// <summary>One athlete of a roster: the name as listed (<c>Gray, Trevor</c>), the id and absolute page address, the
/// class.</summary>
public sealed record RosterEntry(string Name, long AthleteId, string Url, ClassYear? ClassYear);
