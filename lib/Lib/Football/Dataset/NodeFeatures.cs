using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// The node features of the graph, per entity and observed frame, in the normalised frame (attacking left to right):
/// position x, y (yd), velocity vx, vy and speed s (yd/s), acceleration a (yd/s²), direction and orientation as sin
/// and cos (the ball's orientation is 0, 0), the side as three flags (offence, defence, ball) and the position group
/// one-hot (<see cref="PositionGroups.Players"/>: QB RB WR TE OL DL LB DB SPEC; all zero for the ball and unknown
/// positions). Units are physical, not standardised: the model scales them.
/// </summary>
public static class NodeFeatures
{
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
        destination[0] = tracks.X[at];
        destination[1] = tracks.Y[at];
        destination[2] = tracks.Vx[at];
        destination[3] = tracks.Vy[at];
        destination[4] = tracks.S[at];
        destination[5] = tracks.A[at];
        double dir = tracks.Dir[at] * Math.PI / 180.0;
        destination[6] = (float)Math.Sin(dir);
        destination[7] = (float)Math.Cos(dir);
        if (!e.IsBall)
        {
            double o = tracks.O[at] * Math.PI / 180.0;
            destination[8] = (float)Math.Sin(o);
            destination[9] = (float)Math.Cos(o);
        }
        destination[10 + (int)e.Side] = 1f;
        int group = IndexOf(e.Group);
        if (group >= 0)
            destination[13 + group] = 1f;
    }

    private static int IndexOf(PositionGroup group)
    {
        for (int i = 0; i < PositionGroups.Players.Count; i++)
            if (PositionGroups.Players[i] == group)
                return i;
        return -1;
    }
}
