using Lib.Football.Domain;
using Lib.Storage;

namespace Lib.Football.Ingest;

/// <summary>
/// Reads Big Data Bowl 2023 tracking: <c>bdb_coords.csv</c>
/// (<c>gameId,playId,nflId,frameId,time,jerseyNumber,team,playDirection,x,y,s,a,dis,o,dir,event</c>; <c>team</c> is
/// the team's abbreviation or <c>football</c>), with <c>bdb_plays.csv</c> (possession and defensive team, pass result,
/// PFF's man/zone coverage labels) and <c>bdb_players.csv</c> (each player's <c>officialPosition</c>). The season is
/// the game's year (January and February games belong to the year before); BDB tracking does not say the week, so
/// <see cref="TrackingRow.Week"/> is null. A play whose <c>passResult</c> is <c>S</c> is a sack, the others passes.
/// </summary>
public static class BdbTrackingReader
{
    /// <summary>The columns of the coordinates file.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        "gameId",
        "playId",
        "nflId",
        "frameId",
        "time",
        "jerseyNumber",
        "team",
        "playDirection",
        "x",
        "y",
        "s",
        "a",
        "dis",
        "o",
        "dir",
        "event",
    ];

    /// <summary>The columns of the plays file.</summary>
    public static IReadOnlyList<string> PlayColumns { get; } =
    [
        "gameId",
        "playId",
        "playDescription",
        "down",
        "yardsToGo",
        "possessionTeam",
        "defensiveTeam",
        "passResult",
        "absoluteYardlineNumber",
        "pff_passCoverage",
        "pff_passCoverageType",
    ];

    /// <summary>Reads the coordinates at <paramref name="coordsPath"/> with the plays and players files beside it
    /// (<c>bdb_plays.csv</c>, <c>bdb_players.csv</c> in the same folder).</summary>
    public static TrackingFile Read(string coordsPath, TrackingSelection? selection = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(coordsPath))!;
        return Read(
            coordsPath,
            Path.Combine(folder, "bdb_plays.csv"),
            Path.Combine(folder, "bdb_players.csv"),
            selection
        );
    }

    /// <summary>Reads BDB coordinates, plays and players (the players file may be missing: positions stay
    /// empty).</summary>
    public static TrackingFile Read(
        string coordsPath,
        string playsPath,
        string? playersPath,
        TrackingSelection? selection = null
    )
    {
        selection ??= TrackingSelection.All;
        var source = Path.GetFileName(coordsPath);
        var positions = playersPath is not null && File.Exists(playersPath) ? Positions(playersPath) : [];
        var (header, records) = DelimitedLines.Open(coordsPath, ',');
        var (columns, missing) = FieldReader.Map(header, RequiredColumns, source);
        if (missing is not null)
            return new TrackingFile(source, TrackingFormat.Bdb2023, [], [], [missing]);
        var f = new FieldReader(columns, source);
        var rows = new List<TrackingRow>();
        var issues = new List<ValidationIssue>();
        var directions = new Dictionary<PlayKey, string>();
        int count = 0;
        foreach (var record in records)
        {
            f.Start(record.Line, record.Fields, record.Text);
            long game = f.Long("gameId");
            int playId = f.Int("playId");
            if (f.Issue is null)
                f.PlayKey = (game, playId);
            int season = SeasonOf(game);
            if (f.Issue is null && !selection.Includes(season, null))
                continue;
            count++;
            int frame = f.Int("frameId");
            var time = f.Time("time");
            var team = f.Required("team");
            int? nflId = f.OptionalInt("nflId"),
                jersey = f.OptionalInt("jerseyNumber");
            double x = f.Double("x"),
                y = f.Double("y"),
                s = f.Double("s");
            double? a = f.OptionalDouble("a"),
                dis = f.OptionalDouble("dis"),
                o = f.OptionalDouble("o"),
                dir = f.OptionalDouble("dir");
            if (f.Issue is null && nflId is null && team != TrackingRow.BallTeam)
                f.Report(ValidationRule.PlayerId, $"nflId is empty on a player's row (team '{team}')", null, frame);
            if (f.Issue is not null)
            {
                issues.Add(f.Issue);
                continue;
            }
            var key = new PlayKey(game, playId);
            directions.TryAdd(key, f.Text("playDirection"));
            rows.Add(
                new TrackingRow(
                    source,
                    record.Line,
                    game,
                    playId,
                    season,
                    null,
                    frame,
                    time,
                    nflId,
                    team == TrackingRow.BallTeam ? "football" : "",
                    nflId is { } id ? positions.GetValueOrDefault(id, "") : "",
                    team,
                    jersey,
                    x,
                    y,
                    s,
                    a,
                    dis,
                    o,
                    dir,
                    f.Text("event") is "None" or "NA" ? "" : f.Text("event")
                )
            );
        }
        var plays = Plays(playsPath, rows, directions, issues);
        return new TrackingFile(source, TrackingFormat.Bdb2023, rows, plays, issues) { Records = count };
    }

    /// <summary>The season of a game id (yyyymmdd..): its year, or the year before for January and February
    /// games.</summary>
    public static int SeasonOf(long gameId)
    {
        int year = (int)(gameId / 1_000_000),
            month = (int)(gameId / 10_000 % 100);
        return month <= 2 ? year - 1 : year;
    }

    private static List<Play> Plays(
        string path,
        List<TrackingRow> rows,
        Dictionary<PlayKey, string> directions,
        List<ValidationIssue> issues
    )
    {
        var source = Path.GetFileName(path);
        var (header, records) = Open(path);
        var (columns, missing) = FieldReader.Map(header, PlayColumns, source);
        if (missing is not null)
        {
            issues.Add(missing);
            return [];
        }
        var events = rows.Where(r => r.Event.Length > 0)
            .GroupBy(r => r.Play)
            .ToDictionary(
                g => g.Key,
                g => g.Select(r => new PlayEvent(r.FrameId, r.Event)).Distinct().OrderBy(e => e.Frame).ToList()
            );
        var f = new FieldReader(columns, source);
        var plays = new List<Play>();
        foreach (var record in records)
        {
            f.Start(record.Line, record.Fields, record.Text);
            long game = f.Long("gameId");
            int playId = f.Int("playId");
            var possession = f.Required("possessionTeam");
            var defense = f.Required("defensiveTeam");
            if (f.Issue is not null)
            {
                issues.Add(f.Issue);
                continue;
            }
            var key = new PlayKey(game, playId);
            if (!directions.TryGetValue(key, out var directionText))
                continue; // a play without tracking rows (or outside the selection)
            var direction = PlaysReader.ParseDirection(directionText);
            if (direction is null)
            {
                f.PlayKey = (game, playId);
                f.Report(
                    ValidationRule.Type,
                    $"playDirection '{directionText}' in {Path.GetFileName(path)} is not left or right"
                );
                issues.Add(f.Issue!);
                continue;
            }
            var result = f.Text("passResult");
            plays.Add(
                new Play(
                    game,
                    playId,
                    SeasonOf(game),
                    "",
                    null,
                    possession,
                    "",
                    "",
                    defense,
                    result == "S" ? PlayType.Sack : PlayType.Pass,
                    direction.Value,
                    f.OptionalDouble("absoluteYardlineNumber"),
                    f.OptionalInt("down") ?? 0,
                    f.OptionalInt("yardsToGo") ?? 0,
                    f.Text("playDescription"),
                    events.GetValueOrDefault(key, []),
                    result,
                    f.Text("pff_passCoverage"),
                    f.Text("pff_passCoverageType"),
                    source,
                    TrackingFormat.Bdb2023
                )
            );
        }
        return plays;
    }

    private static Dictionary<int, string> Positions(string path)
    {
        var positions = new Dictionary<int, string>();
        foreach (var row in CsvFile.ReadTable(path, "nflId", "officialPosition"))
            if (int.TryParse(row["nflId"], out var id))
                positions[id] = row["officialPosition"];
        return positions;
    }

    private static (IReadOnlyList<string>, IEnumerable<CsvRecord>) Open(string path)
    {
        try
        {
            return CsvFile.Open(path);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
    }
}
