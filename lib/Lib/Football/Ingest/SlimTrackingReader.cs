using Lib.Football.Domain;
using Lib.Storage;

namespace Lib.Football.Ingest;

/// <summary>
/// Reads the slim tracking CSV (<c>tracking.csv.gz</c> or plain <c>.csv</c>:
/// <c>game_id,play_id,season,week,frame_id,time,nfl_id,display_name,position,team,jersey_number,x,y,s,o,dir,event</c>;
/// optional <c>a</c> and <c>dis</c>) into <see cref="TrackingRow"/>s. A row that cannot be read is reported with its
/// line and left out; a file without the required columns gives no rows and one issue.
/// </summary>
public static class SlimTrackingReader
{
    /// <summary>The columns a slim file must have.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        "game_id",
        "play_id",
        "season",
        "week",
        "frame_id",
        "time",
        "nfl_id",
        "display_name",
        "position",
        "team",
        "jersey_number",
        "x",
        "y",
        "s",
        "o",
        "dir",
        "event",
    ];

    /// <summary>Reads <paramref name="path"/>; rows outside <paramref name="selection"/> are skipped (not
    /// issues).</summary>
    /// <exception cref="InvalidDataException">The file is empty or a quote is left open (names the file and
    /// line).</exception>
    public static TrackingFile Read(string path, TrackingSelection? selection = null)
    {
        selection ??= TrackingSelection.All;
        var source = Path.GetFileName(path);
        var (header, records) = DelimitedLines.Open(path, ',');
        var (columns, missing) = FieldReader.Map(header, RequiredColumns, source);
        if (missing is not null)
            return new TrackingFile(source, TrackingFormat.Slim, [], [], [missing]);
        var rows = new List<TrackingRow>();
        var issues = new List<ValidationIssue>();
        var f = new FieldReader(columns, source);
        int count = 0;
        foreach (var record in records)
        {
            f.Start(record.Line, record.Fields, record.Text);
            var row = ReadRow(f, source, record.Line, selection);
            if (f.Issue is not null)
                issues.Add(f.Issue);
            else if (row is not null)
                rows.Add(row);
            else
                continue; // outside the selection
            count++;
        }
        return new TrackingFile(source, TrackingFormat.Slim, rows, [], issues) { Records = count };
    }

    private static TrackingRow? ReadRow(FieldReader f, string source, int line, TrackingSelection selection)
    {
        long game = f.Long("game_id");
        int play = f.Int("play_id");
        if (f.Issue is null)
            f.PlayKey = (game, play);
        int season = f.Int("season");
        int? week = f.OptionalInt("week");
        if (f.Issue is null && !selection.Includes(season, week))
            return null;
        int frame = f.Int("frame_id");
        var time = f.Time("time");
        var team = f.Required("team");
        int? nflId = f.OptionalInt("nfl_id");
        double x = f.Double("x"),
            y = f.Double("y"),
            s = f.Double("s");
        double? a = f.OptionalDouble("a"),
            dis = f.OptionalDouble("dis"),
            o = f.OptionalDouble("o"),
            dir = f.OptionalDouble("dir");
        int? jersey = f.OptionalInt("jersey_number");
        if (f.Issue is null && nflId is null && team != TrackingRow.BallTeam)
            f.Report(ValidationRule.PlayerId, $"nfl_id is empty on a player's row (team '{team}')", null, frame);
        return f.Issue is not null
            ? null
            : new TrackingRow(
                source,
                line,
                game,
                play,
                season,
                week,
                frame,
                time,
                nflId,
                f.Text("display_name"),
                f.Text("position"),
                team,
                jersey,
                x,
                y,
                s,
                a,
                dis,
                o,
                dir,
                f.Text("event")
            );
    }
}
