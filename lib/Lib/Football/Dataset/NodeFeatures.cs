using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// The node features of the graph, per entity and observed frame, in the normalised frame (attacking left to right):
/// position x, y (yd), velocity vx, vy and speed s (yd/s), acceleration a (yd/s²), direction and orientation as sin
/// and cos (the ball's orientation is 0, 0), the side as three flags (offence, defence, ball) and the position group
/// one-hot (<see cref="PositionGroups.Players"/>: QB RB WR TE OL DL LB DB SPEC; all zero for the ball and unknown
/// positions). Units are physical, not standardised: the model scales them (<see cref="TrajectoryFeatures"/> reads
/// these columns by the constants below, so the two cannot drift apart). Derived values are causal (see
/// <see cref="TrackBuilder"/>): a frame's features read no later frame.
/// </summary>
public static class NodeFeatures
{
    /// <summary>Column of x (yd).</summary>
    public const int X = 0;

    /// <summary>Column of y (yd).</summary>
    public const int Y = 1;

    /// <summary>Column of the velocity along x (yd/s).</summary>
    public const int Vx = 2;

    /// <summary>Column of the velocity along y (yd/s).</summary>
    public const int Vy = 3;

    /// <summary>Column of the speed (yd/s).</summary>
    public const int S = 4;

    /// <summary>Column of the acceleration (yd/s²).</summary>
    public const int A = 5;

    /// <summary>Column of sin(direction); cos(direction), sin(orientation) and cos(orientation) follow.</summary>
    public const int SinDir = 6;

    /// <summary>Column of the offence flag; the defence and ball flags follow.</summary>
    public const int Offense = 10;

    /// <summary>Column of the first position group; <see cref="PositionGroups.Players"/> follow in order.</summary>
    public const int Group0 = 13;

    /// <summary>The feature names, in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "x",
        "y",
        "vx",
        "vy",
        "s",
        "a",
        "sin_dir",
        "cos_dir",
        "sin_o",
        "cos_o",
        "offense",
        "defense",
        "ball",
        .. PositionGroups.Players.Select(g => "group_" + g),
    ];

    /// <summary>The number of features.</summary>
    public static int Count => Names.Count;

    /// <summary>The edge features: the source's position minus the destination's (dx, dy, yd) and their distance, at
    /// the last observed frame.</summary>
    public static IReadOnlyList<string> EdgeNames { get; } = ["dx", "dy", "distance"];

    /// <summary>Writes entity <paramref name="entity"/>'s features at array index <paramref name="at"/> of
    /// <paramref name="tracks"/> into <paramref name="destination"/> (length <see cref="Count"/>).</summary>
    public static void Write(PlayTracks tracks, int entity, int at, Span<float> destination)
    {
        var e = tracks.Entities[entity];
        destination.Clear();
        destination[X] = tracks.X[at];
        destination[Y] = tracks.Y[at];
        destination[Vx] = tracks.Vx[at];
        destination[Vy] = tracks.Vy[at];
        destination[S] = tracks.S[at];
        destination[A] = tracks.A[at];
        double dir = tracks.Dir[at] * Math.PI / 180.0;
        destination[SinDir] = (float)Math.Sin(dir);
        destination[SinDir + 1] = (float)Math.Cos(dir);
        if (!e.IsBall)
        {
            double o = tracks.O[at] * Math.PI / 180.0;
            destination[SinDir + 2] = (float)Math.Sin(o);
            destination[SinDir + 3] = (float)Math.Cos(o);
        }
        destination[Offense + (int)e.Side] = 1f;
        int group = IndexOf(e.Group);
        if (group >= 0)
            destination[Group0 + group] = 1f;
    }

    private static int IndexOf(PositionGroup group)
    {
        for (int i = 0; i < PositionGroups.Players.Count; i++)
            if (PositionGroups.Players[i] == group)
                return i;
        return -1;
    }
}
