namespace Lib.Track.Ingest;

/// <summary>
/// NCAA season-best lists 2012–2019 (parsed from ahearn15/NCAA-Track-Data's list pages, an optional larger
/// set that is not bundled: pass its path, <c>.csv</c> or <c>.csv.gz</c>): columns <c>season, gender, event,
/// athlete, team, mark, meet_date, wind</c>. One row is an athlete's best of a season, so each season holds one
/// mark. An athlete is their name (<c>Last, First</c>), team and gender.
/// </summary>
public sealed class SeasonBestListsCsv(string path, string name = "ncaa_lists") : CsvSource(name, path)
{
    /// <inheritdoc />
    protected override IReadOnlyList<string> Columns { get; } =
    ["season", "gender", "event", "athlete", "team", "mark", "meet_date", "wind"];

    /// <inheritdoc />
    protected override string Format => "season-best-lists-csv";

    /// <inheritdoc />
    protected override RowFields Fields(Func<string, string> column)
    {
        var athlete = Clean(column("athlete"));
        var team = Clean(column("team"));
        var gender = column("gender").Trim();
        return new RowFields(
            athlete,
            $"{athlete.ToUpperInvariant()}|{team.ToUpperInvariant()}|{gender.ToUpperInvariant()}",
            team,
            gender,
            column("event"),
            column("mark"),
            column("meet_date"),
            column("wind"),
            column("season")
        );
    }
}
