using Lib.Climbing.Domain;

namespace Lib.Climbing.Dataset;

/// <summary>
/// One token of a route: its text (<c>&lt;MOON2016_E6_start&gt;</c>) and the numbers the model reads beside
/// its embedding (see <see cref="RouteTokenizer.FeatureNames"/>): the hold's x, y in [-1, 1], whether it is a
/// hold, its role as flags, and on the angle token the wall angle.
/// </summary>
public sealed record RouteToken(
    string Text,
    float X,
    float Y,
    bool IsHold,
    HoldRole? Role,
    float Angle,
    float HoldCount
)
{
    /// <summary>The feature vector, in the order of <see cref="RouteTokenizer.FeatureNames"/>.</summary>
    public float[] Features() =>
        [
            X,
            Y,
            IsHold ? 1f : 0f,
            Role == HoldRole.Start ? 1f : 0f,
            Role == HoldRole.Finish ? 1f : 0f,
            Role == HoldRole.Foot ? 1f : 0f,
            Angle,
            HoldCount,
        ];
}
