namespace Lib.Football.Domain;

/// <summary>
/// The field and the physical limits the validator checks against. Lengths in yards, speeds in yd/s, accelerations in
/// yd/s², at NGS's 10 Hz.
/// </summary>
public static class Field
{
    /// <summary>The field's length, end zones included: x runs 0–120.</summary>
    public const double Length = 120.0;

    /// <summary>The field's width: y runs 0–53.3.</summary>
    public const double Width = 53.3;

    /// <summary>An end zone's depth: the goal lines are at x = 10 and x = 110.</summary>
    public const double EndZone = 10.0;

    /// <summary>Frames per second of the tracking clock.</summary>
    public const double FramesPerSecond = 10.0;

    /// <summary>The seconds between frames.</summary>
    public const double FrameSeconds = 1.0 / FramesPerSecond;

    /// <summary>The fastest a player's recorded speed may be (the fastest NFL sprints are about 12.5 yd/s; the
    /// bundled data's highest is 11.15).</summary>
    public const double MaxPlayerSpeed = 13.0;

    /// <summary>The fastest the ball's recorded speed may be: a thrown or kicked ball flies at over 25 yd/s (the
    /// bundled data's highest is 29.5); the fastest NFL throws are about 30 yd/s.</summary>
    public const double MaxBallSpeed = 35.0;

    /// <summary>The largest player acceleration magnitude accepted (yd/s²; elite sprint starts reach about
    /// 10).</summary>
    public const double MaxPlayerAcceleration = 15.0;

    /// <summary>The largest ball acceleration magnitude accepted (yd/s²; a throw reaches flight speed in about a tenth
    /// of a second).</summary>
    public const double MaxBallAcceleration = 300.0;
}
