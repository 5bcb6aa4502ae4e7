using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// One play's tracks on a common clock, normalised to attack left to right (<see cref="AttackingDirection"/>):
/// per entity (players by side, offence first, then the ball last) and per frame of
/// <see cref="FirstFrame"/> … <see cref="FirstFrame"/> + <see cref="Frames"/> − 1, the position (yd), velocity
/// (yd/s), speed, acceleration (the source's <c>a</c> where given, else derived: the change of speed over the frame,
/// 0 at a track's first frame), direction and orientation (degrees, normalised; the ball's direction from its
/// displacement, its orientation 0) and whether the entity was tracked then (<see cref="Present"/>). Arrays are
/// entity-major: value (e, f) is at <c>e * Frames + f</c>.
/// </summary>
public sealed class PlayTracks
{
    internal PlayTracks(Play play, int firstFrame, int frames, IReadOnlyList<TrackEntity> entities)
    {
        Play = play;
        FirstFrame = firstFrame;
        Frames = frames;
        Entities = entities;
        int n = entities.Count * frames;
        X = new float[n];
        Y = new float[n];
        Vx = new float[n];
        Vy = new float[n];
        S = new float[n];
        A = new float[n];
        Dir = new float[n];
        O = new float[n];
        Present = new bool[n];
    }

    /// <summary>The play.</summary>
    public Play Play { get; }

    /// <summary>Whether the play was turned to attack left to right.</summary>
    public bool Flipped => AttackingDirection.IsFlipped(Play.Direction);

    /// <summary>The first frame of the tracks.</summary>
    public int FirstFrame { get; }

    /// <summary>The number of frames.</summary>
    public int Frames { get; }

    /// <summary>The last frame of the tracks.</summary>
    public int LastFrame => FirstFrame + Frames - 1;

    /// <summary>The entities: players (offence, then defence, each by id), then the ball.</summary>
    public IReadOnlyList<TrackEntity> Entities { get; }

    /// <summary>x (yd, normalised).</summary>
    public float[] X { get; }

    /// <summary>y (yd, normalised).</summary>
    public float[] Y { get; }

    /// <summary>Velocity along x (yd/s).</summary>
    public float[] Vx { get; }

    /// <summary>Velocity along y (yd/s).</summary>
    public float[] Vy { get; }

    /// <summary>Speed (yd/s).</summary>
    public float[] S { get; }

    /// <summary>Acceleration (yd/s²): the source's, or derived.</summary>
    public float[] A { get; }

    /// <summary>Direction of motion (degrees, normalised).</summary>
    public float[] Dir { get; }

    /// <summary>Orientation (degrees, normalised; 0 for the ball).</summary>
    public float[] O { get; }

    /// <summary>Whether the entity was tracked at the frame.</summary>
    public bool[] Present { get; }

    /// <summary>The index of (entity, frame) in the arrays; frame is a frame id.</summary>
    public int At(int entity, int frame) => entity * Frames + (frame - FirstFrame);

    /// <summary>Whether <paramref name="frame"/> is within the tracks.</summary>
    public bool Covers(int frame) => frame >= FirstFrame && frame <= LastFrame;

    /// <summary>The index of the ball among the entities, or −1.</summary>
    public int BallIndex
    {
        get
        {
            for (int e = 0; e < Entities.Count; e++)
                if (Entities[e].IsBall)
                    return e;
            return -1;
        }
    }

    /// <summary>The last frame at which any player is tracked.</summary>
    public int LastPlayerFrame
    {
        get
        {
            for (int f = LastFrame; f >= FirstFrame; f--)
            for (int e = 0; e < Entities.Count; e++)
                if (!Entities[e].IsBall && Present[At(e, f)])
                    return f;
            return FirstFrame - 1;
        }
    }
}
