using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// The coverage head's label for a pass, "tight window" (NGS's name): at the frame the pass arrives
/// (<c>pass_arrived</c>) the <b>targeted receiver</b> is the offensive player, not a lineman, nearest the ball, and
/// the window is tight when a defender is within 1.0 yd of him (≤ 1.0, Euclidean). Computed from tracking for every
/// pass play with a <c>pass_arrived</c> frame where the ball and at least one eligible receiver and one defender are
/// tracked; the first row of a repeated key counts (the cleaned table keeps it). Known weak cases, kept as the rule
/// gives them: interceptions (the ball arrives at a defender) and an eligible lineman as the target.
/// </summary>
/// <param name="Play">The play.</param>
/// <param name="ArrivedFrame">The <c>pass_arrived</c> frame.</param>
/// <param name="ReceiverId">The targeted receiver's id.</param>
/// <param name="ReceiverToBall">The receiver's distance to the ball at that frame (yd).</param>
/// <param name="Separation">The nearest defender's distance to the receiver (yd).</param>
/// <param name="TightWindow">Whether <see cref="Separation"/> ≤ <see cref="Radius"/>.</param>
public sealed record CoverageLabel(
    PlayKey Play,
    int ArrivedFrame,
    int ReceiverId,
    double ReceiverToBall,
    double Separation,
    bool TightWindow
)
{
    /// <summary>The distance that makes a window tight (yd).</summary>
    public const double Radius = 1.0;

    /// <summary>The label of a play, or null when it has none (not a pass, no <c>pass_arrived</c>, or the ball, a
    /// receiver or a defender untracked at that frame).</summary>
    public static CoverageLabel? Of(PlayTracks tracks)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (tracks.Play.Type != PlayType.Pass || tracks.Play.PassArrivedFrame is not { } frame || !tracks.Covers(frame))
            return null;
        int ball = tracks.BallIndex;
        if (ball < 0 || !tracks.Present[tracks.At(ball, frame)])
            return null;
        float bx = tracks.X[tracks.At(ball, frame)],
            by = tracks.Y[tracks.At(ball, frame)];
        int receiver = -1;
        double toBall = double.MaxValue;
        for (int e = 0; e < tracks.Entities.Count; e++)
        {
            var entity = tracks.Entities[e];
            int at = tracks.At(e, frame);
            if (entity.Side != Side.Offense || PositionGroups.IsLineman(entity.Position) || !tracks.Present[at])
                continue;
            double d = Distance(tracks.X[at], tracks.Y[at], bx, by);
            if (d < toBall)
                (receiver, toBall) = (e, d);
        }
        if (receiver < 0)
            return null;
        int r = tracks.At(receiver, frame);
        double separation = double.MaxValue;
        for (int e = 0; e < tracks.Entities.Count; e++)
        {
            int at = tracks.At(e, frame);
            if (tracks.Entities[e].Side == Side.Defense && tracks.Present[at])
                separation = Math.Min(separation, Distance(tracks.X[at], tracks.Y[at], tracks.X[r], tracks.Y[r]));
        }
        if (separation == double.MaxValue)
            return null;
        return new CoverageLabel(
            tracks.Play.Key,
            frame,
            tracks.Entities[receiver].NflId!.Value,
            toBall,
            separation,
            separation <= Radius
        );
    }

    private static double Distance(float x1, float y1, float x2, float y2) =>
        Math.Sqrt((double)(x1 - x2) * (x1 - x2) + (double)(y1 - y2) * (y1 - y2));
}
