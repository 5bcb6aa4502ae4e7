using Lib.Football.Domain;

namespace Lib.Football.Ingest;

/// <summary>
/// The data validation of the NFL Analytics Engine guide, on the rows of a <see cref="TrackingTable"/>: positions on
/// the field (x 0–120, y 0–53.3), speed and acceleration within their limits (the ball's own: it flies at over
/// 25 yd/s; <see cref="Field"/>), one row per play, frame and entity, no frames missing inside an entity's track,
/// valid player ids. Rows that fail are kept and reported (one issue per row, per gap or per player), never dropped:
/// they are real (players on the sideline, a ball in the stands). The report also carries the table's
/// <see cref="TrackingTable.LeftOut"/> issues (required columns, missing values, types, unknown and duplicate plays),
/// so every rule is reported in one place.
/// </summary>
public static class TrackingValidator
{
    /// <summary>Validates <paramref name="table"/>.</summary>
    public static ValidationReport Validate(TrackingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var issues = new List<ValidationIssue>(table.LeftOut);
        foreach (var row in table.Rows)
            CheckRow(row, issues);
        CheckKeys(table.Rows, issues);
        return new ValidationReport(issues, table.Rows.Count, Checked: true);
    }

    /// <summary>The report without the row checks (<c>--no-validation</c>): only what was left out while
    /// reading.</summary>
    public static ValidationReport Skip(TrackingTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return new ValidationReport([.. table.LeftOut], table.Rows.Count, Checked: false);
    }

    private static void CheckRow(TrackingRow r, List<ValidationIssue> issues)
    {
        void Add(ValidationRule rule, string message) =>
            issues.Add(new ValidationIssue(rule, r.Source, r.GameId, r.PlayId, r.Line, r.NflId, r.FrameId, message));
        var who = r.IsBall ? "the ball" : $"player {r.NflId}";
        if (r.X is < 0 or > Field.Length)
            Add(ValidationRule.XRange, $"x = {r.X} ({who}) is outside 0–{Field.Length}");
        if (r.Y is < 0 or > Field.Width)
            Add(ValidationRule.YRange, $"y = {r.Y} ({who}) is outside 0–{Field.Width}");
        double maxSpeed = r.IsBall ? Field.MaxBallSpeed : Field.MaxPlayerSpeed;
        if (r.S < 0 || r.S > maxSpeed)
            Add(ValidationRule.Speed, $"s = {r.S} yd/s ({who}) is outside 0–{maxSpeed}");
        double maxAcceleration = r.IsBall ? Field.MaxBallAcceleration : Field.MaxPlayerAcceleration;
        if (r.A is { } a && Math.Abs(a) > maxAcceleration)
            Add(ValidationRule.Acceleration, $"a = {a} yd/s² ({who}) is beyond ±{maxAcceleration}");
        if (r.IsBall && r.NflId is not null)
            Add(ValidationRule.PlayerId, $"the ball's row has nfl_id {r.NflId}; expected none");
        else if (!r.IsBall && r.NflId <= 0)
            Add(ValidationRule.PlayerId, $"nfl_id {r.NflId} is not a positive id");
    }

    private static void CheckKeys(IReadOnlyList<TrackingRow> rows, List<ValidationIssue> issues)
    {
        // Per play and entity (the ball is id -1): its rows' frames, for duplicates and gaps.
        var tracks = new Dictionary<(PlayKey Play, int Entity), List<TrackingRow>>();
        var teams = new Dictionary<(PlayKey Play, int Player), TrackingRow>();
        foreach (var r in rows)
        {
            var key = (r.Play, r.NflId ?? -1);
            if (!tracks.TryGetValue(key, out var list))
                tracks[key] = list = [];
            list.Add(r);
            if (r.NflId is { } id && !r.IsBall)
            {
                if (!teams.TryGetValue((r.Play, id), out var first))
                    teams[(r.Play, id)] = r;
                else if (first.Team != r.Team && first.Team != "")
                {
                    issues.Add(
                        new ValidationIssue(
                            ValidationRule.PlayerId,
                            r.Source,
                            r.GameId,
                            r.PlayId,
                            r.Line,
                            id,
                            r.FrameId,
                            $"nfl_id {id} is on team '{r.Team}' here but on '{first.Team}' at line {first.Line}"
                        )
                    );
                    teams[(r.Play, id)] = first with { Team = "" }; // report a player once per play
                }
            }
        }
        foreach (var ((play, entity), list) in tracks)
        {
            var ordered = list.OrderBy(r => r.FrameId).ThenBy(r => r.Line).ToList();
            var who = entity < 0 ? "the ball" : $"player {entity}";
            for (int i = 1; i < ordered.Count; i++)
            {
                var (previous, r) = (ordered[i - 1], ordered[i]);
                if (r.FrameId == previous.FrameId)
                    issues.Add(
                        new ValidationIssue(
                            ValidationRule.DuplicateFrame,
                            r.Source,
                            r.GameId,
                            r.PlayId,
                            r.Line,
                            r.NflId,
                            r.FrameId,
                            $"{who} at frame {r.FrameId} repeats line {previous.Line}"
                                + (r.Event != previous.Event ? $" (event '{r.Event}' beside '{previous.Event}')" : "")
                        )
                    );
                else if (r.FrameId > previous.FrameId + 1)
                    issues.Add(
                        new ValidationIssue(
                            ValidationRule.FrameGap,
                            r.Source,
                            r.GameId,
                            r.PlayId,
                            r.Line,
                            r.NflId,
                            r.FrameId,
                            $"{who} has no rows for frames {previous.FrameId + 1}–{r.FrameId - 1} "
                                + $"({r.FrameId - previous.FrameId - 1} frames)"
                        )
                    );
            }
        }
    }
}
