using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>
/// Normalising a play to one attacking direction, left to right (toward x = 120): a play going left is turned half a
/// turn about the field's centre, x → 120 − x, y → 53.3 − y, angles → angle + 180° (mod 360). The turn is its own
/// inverse, so <see cref="ToAttacking"/> and <see cref="FromAttacking"/> are the same map: a prediction made in the
/// normalised frame goes back to the source's frame with the play's <c>flipped</c> flag
/// (<see cref="PlayTracks.Flipped"/>). (A half turn rather than a mirror in x keeps the sides of the field: the
/// offence's left stays its left, and angles stay clockwise.)
/// </summary>
public static class AttackingDirection
{
    /// <summary>Whether a play is turned (its offence attacks toward x = 0).</summary>
    public static bool IsFlipped(PlayDirection direction) => direction == PlayDirection.Left;

    /// <summary>A point in the normalised frame.</summary>
    public static (double X, double Y) ToAttacking(double x, double y, bool flipped) =>
        flipped ? (Field.Length - x, Field.Width - y) : (x, y);

    /// <summary>A point of the normalised frame back in the source's frame.</summary>
    public static (double X, double Y) FromAttacking(double x, double y, bool flipped) => ToAttacking(x, y, flipped);

    /// <summary>An angle (degrees, 0° = +y, clockwise) in the normalised frame, in [0, 360).</summary>
    public static double Angle(double degrees, bool flipped)
    {
        var a = flipped ? degrees + 180.0 : degrees;
        a %= 360.0;
        return a < 0 ? a + 360.0 : a;
    }
}
