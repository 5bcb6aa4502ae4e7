using System.IO.Compression;
using System.Text;
using Lib.Football.Domain;

namespace Lib.Football.Ingest;

/// <summary>
/// Reads the NGS highlights' raw format (tab-separated, 36 columns, one row per entity per frame, the play's context
/// repeated on every row; <c>.tsv</c> or <c>.tsv.gz</c>) into <see cref="TrackingRow"/>s and the file's
/// <see cref="Play"/>s. The source's <c>frame</c> is a per-entity row counter, not a clock (an entity with a hole, or
/// a ball tracked earlier than the players, drifts from the others), so the frame is rebuilt from <c>time</c>:
/// <c>round((time − the play's earliest time) × 10)</c>, the slim files' clock. Team is <c>home</c>/<c>away</c> from
/// <c>homeTeamFlag</c> (empty: the ball); the play's possession, home and away teams come from <c>teamAbbr</c> where
/// <c>possessionFlag</c>/<c>homeTeamFlag</c> say so.
/// </summary>
public static class RawNgsReader
{
    /// <summary>The columns the reader needs (of the 36).</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        "gameId",
        "playId",
        "playType",
        "season",
        "seasonType",
        "week",
        "playDirection",
        "down",
        "yardsToGo",
        "absoluteYardlineNumber",
        "possessionFlag",
        "homeTeamFlag",
        "teamAbbr",
        "displayName",
        "jerseyNumber",
        "nflId",
        "position",
        "time",
        "x",
        "y",
        "s",
        "o",
        "dir",
        "event",
        "playDescription",
    ];

    private sealed record Parsed(TrackingRow Row, string Possession, string Abbreviation);

    /// <summary>Reads <paramref name="path"/>; plays outside <paramref name="selection"/> are skipped.</summary>
    /// <exception cref="InvalidDataException">The file is empty.</exception>
    public static TrackingFile Read(string path, TrackingSelection? selection = null)
    {
        selection ??= TrackingSelection.All;
        var source = Path.GetFileName(path);
        var lines = ReadLines(path).GetEnumerator();
        using var _ = lines;
        if (!lines.MoveNext())
            throw new InvalidDataException($"{path}: the file is empty (expected a header line).");
        var header = lines.Current.Split('\t');
        var (columns, missing) = FieldReader.Map(header, RequiredColumns, source);
        if (missing is not null)
            return new TrackingFile(source, TrackingFormat.RawNgs, [], [], [missing]);
        var f = new FieldReader(columns, source);
        var parsed = new List<Parsed>();
        var issues = new List<ValidationIssue>();
        var context = new Dictionary<PlayKey, (int Line, FieldSnapshot Fields)>();
        int line = 1,
            count = 0;
        while (lines.MoveNext())
        {
            line++;
            var text = lines.Current;
            if (text.Length == 0)
                continue;
            var fields = text.Split('\t');
            f.Start(line, fields, text);
            long game = f.Long("gameId");
            int playId = f.Int("playId");
            if (f.Issue is null)
                f.PlayKey = (game, playId);
            int season = f.Int("season");
            int? week = f.OptionalInt("week");
            if (f.Issue is null && !selection.Includes(season, week))
                continue;
            count++;
            var time = f.Time("time");
            double x = f.Double("x"),
                y = f.Double("y"),
                s = f.Double("s");
            double? o = f.OptionalDouble("o"),
                dir = f.OptionalDouble("dir");
            int? nflId = f.OptionalInt("nflId"),
                jersey = f.OptionalInt("jerseyNumber"),
                homeFlag = f.OptionalInt("homeTeamFlag");
            var team = homeFlag switch
            {
                null => TrackingRow.BallTeam,
                1 => "home",
                0 => "away",
                _ => "",
            };
            if (f.Issue is null && team.Length == 0)
                f.Report(ValidationRule.Type, $"homeTeamFlag '{f.Text("homeTeamFlag")}' is not 1, 0 or empty");
            if (f.Issue is null && nflId is null && team != TrackingRow.BallTeam)
                f.Report(ValidationRule.PlayerId, "nflId is empty on a player's row");
            if (f.Issue is not null)
            {
                issues.Add(f.Issue);
                continue;
            }
            var row = new TrackingRow(
                source,
                line,
                game,
                playId,
                season,
                week,
                0,
                time,
                nflId,
                f.Text("displayName"),
                f.Text("position"),
                team,
                jersey,
                x,
                y,
                s,
                null,
                null,
                o,
                dir,
                f.Text("event")
            );
            var possession = f.Text("possessionFlag");
            parsed.Add(new Parsed(row, possession, f.Text("teamAbbr")));
            if (!context.ContainsKey(row.Play))
                context[row.Play] = (line, FieldSnapshot.Of(f, RequiredColumns));
        }
        var rows = Reclock(parsed);
        var plays = new List<Play>();
        foreach (var (key, (playLine, snapshot)) in context)
        {
            var play = PlayOf(key, snapshot, parsed, rows, source, playLine, issues);
            if (play is not null)
                plays.Add(play);
        }
        return new TrackingFile(source, TrackingFormat.RawNgs, rows, plays, issues) { Records = count };
    }

    /// <summary>The rows with <c>frame_id</c> rebuilt from <c>time</c>, per play.</summary>
    private static List<TrackingRow> Reclock(List<Parsed> parsed)
    {
        var start = new Dictionary<PlayKey, DateTime>();
        foreach (var p in parsed)
            if (!start.TryGetValue(p.Row.Play, out var t) || p.Row.Time < t)
                start[p.Row.Play] = p.Row.Time;
        return
        [
            .. parsed.Select(p =>
                p.Row with
                {
                    FrameId = (int)Math.Round((p.Row.Time - start[p.Row.Play]).TotalSeconds * Field.FramesPerSecond),
                }
            ),
        ];
    }

    private static Play? PlayOf(
        PlayKey key,
        FieldSnapshot c,
        List<Parsed> parsed,
        List<TrackingRow> rows,
        string source,
        int line,
        List<ValidationIssue> issues
    )
    {
        string Team(Func<Parsed, bool> which) =>
            parsed.Where(p => p.Row.Play == key && which(p)).Select(p => p.Abbreviation).FirstOrDefault(a => a != "")
            ?? "";
        var possession = Team(p => p.Possession is "1" or "1.0");
        var home = Team(p => p.Row.Team == "home");
        var away = Team(p => p.Row.Team == "away");
        var type = PlayTypes.Parse(c["playType"]);
        var direction = PlaysReader.ParseDirection(c["playDirection"]);
        string? problem =
            type is null ? $"playType '{c["playType"]}' is not a known play type"
            : direction is null ? $"playDirection '{c["playDirection"]}' is not left or right"
            : possession.Length == 0 ? "no row has possessionFlag 1 with a teamAbbr"
            : home.Length == 0 || away.Length == 0 ? "the home or away team's abbreviation is missing"
            : null;
        if (problem is not null)
        {
            issues.Add(
                new ValidationIssue(
                    ValidationRule.UnknownPlay,
                    source,
                    key.GameId,
                    key.PlayId,
                    line,
                    null,
                    null,
                    $"the play's context cannot be read: {problem}; its rows are left out",
                    LeftOut: true
                )
            );
            rows.RemoveAll(r => r.Play == key);
            return null;
        }
        var events = rows.Where(r => r.Play == key && r.Event.Length > 0)
            .Select(r => new PlayEvent(r.FrameId, r.Event))
            .Distinct()
            .OrderBy(e => e.Frame)
            .ToList();
        static int? Int(string text) =>
            double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) ? (int)d : null;
        static double? Double(string text) =>
            double.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : null;
        return new Play(
            key.GameId,
            key.PlayId,
            Int(c["season"]) ?? 0,
            c["seasonType"],
            Int(c["week"]),
            possession,
            home,
            away,
            possession == home ? away : home,
            type!.Value,
            direction!.Value,
            Double(c["absoluteYardlineNumber"]),
            Int(c["down"]) ?? 0,
            Int(c["yardsToGo"]) ?? 0,
            c["playDescription"],
            events,
            PlaysReader.PassResultOf(events),
            "",
            "",
            source,
            TrackingFormat.RawNgs
        );
    }

    private static IEnumerable<string> ReadLines(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"The raw tracking file '{path}' does not exist.", path);
        using var stream = File.OpenRead(path);
        using var decoded = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase)
            ? new GZipStream(stream, CompressionMode.Decompress)
            : (Stream)stream;
        using var reader = new StreamReader(decoded, Encoding.UTF8);
        while (reader.ReadLine() is { } line)
            yield return line.TrimEnd('\r');
    }

    /// <summary>The play-level columns of a play's first row.</summary>
    private sealed class FieldSnapshot(Dictionary<string, string> values)
    {
        public string this[string column] => values.GetValueOrDefault(column, "");

        public static FieldSnapshot Of(FieldReader f, IEnumerable<string> columns) =>
            new(columns.ToDictionary(c => c, f.Text));
    }
}
