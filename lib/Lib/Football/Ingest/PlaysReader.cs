using Lib.Football.Domain;
using Lib.Storage;

namespace Lib.Football.Ingest;

/// <summary>
/// Reads <c>plays.csv</c> (one row per play: context and the frame of every event, <c>events</c> =
/// <c>frame:event;frame:event;…</c>) into <see cref="Play"/>s; a row that cannot be read is an issue with its line.
/// </summary>
public static class PlaysReader
{
    /// <summary>The columns the reader needs.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } =
    [
        "game_id",
        "play_id",
        "season",
        "season_type",
        "week",
        "possession_team",
        "home_team",
        "away_team",
        "play_type",
        "play_direction",
        "absolute_yardline_number",
        "down",
        "distance",
        "description",
        "events",
    ];

    /// <summary>Reads the plays of <paramref name="path"/>.</summary>
    public static (IReadOnlyList<Play> Plays, IReadOnlyList<ValidationIssue> Issues) Read(string path)
    {
        var source = Path.GetFileName(path);
        IReadOnlyList<string> header;
        IEnumerable<CsvRecord> records;
        try
        {
            (header, records) = CsvFile.Open(path);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException(e.Message, e);
        }
        var (columns, missing) = FieldReader.Map(header, RequiredColumns, source);
        if (missing is not null)
            return ([], [missing]);
        var plays = new List<Play>();
        var issues = new List<ValidationIssue>();
        var f = new FieldReader(columns, source);
        foreach (var record in records)
        {
            f.Start(record.Line, record.Fields, record.Text);
            long game = f.Long("game_id");
            int playId = f.Int("play_id");
            if (f.Issue is null)
                f.PlayKey = (game, playId);
            int season = f.Int("season");
            int? week = f.OptionalInt("week");
            var possession = f.Required("possession_team");
            var home = f.Required("home_team");
            var away = f.Required("away_team");
            var typeText = f.Required("play_type");
            var directionText = f.Required("play_direction");
            double? yardline = f.OptionalDouble("absolute_yardline_number");
            int down = f.OptionalInt("down") ?? 0;
            int distance = f.OptionalInt("distance") ?? 0;
            var type = PlayTypes.Parse(typeText);
            if (f.Issue is null && type is null)
                f.Report(ValidationRule.Type, $"play_type '{typeText}' is not a known play type");
            var direction = ParseDirection(directionText);
            if (f.Issue is null && direction is null)
                f.Report(ValidationRule.Type, $"play_direction '{directionText}' is not left or right");
            var events = ParseEvents(f.Text("events"), f);
            if (f.Issue is not null)
            {
                issues.Add(f.Issue);
                continue;
            }
            plays.Add(
                new Play(
                    game,
                    playId,
                    season,
                    f.Text("season_type"),
                    week,
                    possession,
                    home,
                    away,
                    possession == home ? away : home,
                    type!.Value,
                    direction!.Value,
                    yardline,
                    down,
                    distance,
                    f.Text("description"),
                    events,
                    PassResultOf(events),
                    "",
                    "",
                    source,
                    TrackingFormat.Slim
                )
            );
        }
        return (plays, issues);
    }

    /// <summary><c>left</c> or <c>right</c> (any case), else null.</summary>
    public static PlayDirection? ParseDirection(string? text) =>
        (text ?? "").Trim().ToLowerInvariant() switch
        {
            "left" => PlayDirection.Left,
            "right" => PlayDirection.Right,
            _ => null,
        };

    /// <summary>The pass result the NGS events say: <c>C</c> (caught or touchdown), <c>I</c> (incomplete),
    /// <c>IN</c> (intercepted), or empty.</summary>
    public static string PassResultOf(IReadOnlyList<PlayEvent> events)
    {
        foreach (var e in events)
            switch (e.Name)
            {
                case "pass_outcome_caught":
                case "pass_outcome_touchdown":
                    return "C";
                case "pass_outcome_incomplete":
                    return "I";
                case "pass_outcome_interception":
                    return "IN";
            }
        return "";
    }

    private static List<PlayEvent> ParseEvents(string text, FieldReader f)
    {
        var events = new List<PlayEvent>();
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int colon = part.IndexOf(':');
            if (colon <= 0 || !int.TryParse(part[..colon], out var frame) || colon == part.Length - 1)
            {
                f.Report(ValidationRule.Type, $"events entry '{part}' is not frame:event");
                return events;
            }
            events.Add(new PlayEvent(frame, part[(colon + 1)..]));
        }
        return events;
    }
}
