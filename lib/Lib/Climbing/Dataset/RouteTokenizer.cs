using System.Globalization;
using Lib.Climbing.Domain;

namespace Lib.Climbing.Dataset;

/// <summary>
/// Turns a route into tokens, BERT style: <c>&lt;CLS&gt; &lt;BOARD_MOON2016&gt; &lt;ANGLE_40&gt;
/// &lt;MOON2016_E6_start&gt; &lt;MOON2016_C5_start&gt; … &lt;MOON2016_D18_finish&gt;</c>, holds ordered bottom to top
/// (then left to right), so the order means the same on every board. Each token carries features
/// (<see cref="FeatureNames"/>): a hold's normalised x and y, <c>is_hold</c>, its role as start/finish/foot
/// flags (a middle hold has none), and on the angle token the angle / 90°. A hold token the vocabulary
/// has never seen becomes <c>&lt;UNK&gt;</c> but keeps its features, so the model still knows where it is.
/// </summary>
public static class RouteTokenizer
{
    /// <summary>The classification token the model pools.</summary>
    public const string Cls = "<CLS>";

    /// <summary>Padding (id 0).</summary>
    public const string Pad = "<PAD>";

    /// <summary>A token outside the vocabulary (id 1).</summary>
    public const string Unk = "<UNK>";

    /// <summary>The features of every token, in order.</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
    ["x", "y", "is_hold", "is_start", "is_finish", "is_foot", "angle", "hold_count"];

    /// <summary>The number of features per token.</summary>
    public static int FeatureCount => FeatureNames.Count;

    /// <summary>The board token: <c>&lt;BOARD_MOON2016&gt;</c>.</summary>
    public static string BoardToken(string board) => $"<BOARD_{board}>";

    /// <summary>The angle token: <c>&lt;ANGLE_40&gt;</c>.</summary>
    public static string AngleToken(int angle) => string.Create(CultureInfo.InvariantCulture, $"<ANGLE_{angle}>");

    /// <summary>A hold token: <c>&lt;MOON2016_E6_start&gt;</c>.</summary>
    public static string HoldToken(string board, string hold, HoldRole role) => $"<{board}_{hold}_{role.Code()}>";

    /// <summary>The tokens of <paramref name="route"/>: CLS, board, angle, then its holds bottom to top.</summary>
    public static IReadOnlyList<RouteToken> Tokenize(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        float angle = route.Angle / 90f,
            count = route.Holds.Count / 20f;
        var tokens = new List<RouteToken>(route.Holds.Count + 3)
        {
            new(Cls, 0, 0, false, null, angle, count),
            new(BoardToken(route.Board), 0, 0, false, null, angle, count),
            new(AngleToken(route.Angle), 0, 0, false, null, angle, count),
        };
        foreach (var h in route.Holds.OrderBy(h => h.Y).ThenBy(h => h.X).ThenBy(h => h.Hold, StringComparer.Ordinal))
            tokens.Add(
                new RouteToken(
                    HoldToken(route.Board, h.Hold, h.Role),
                    (float)h.X,
                    (float)h.Y,
                    true,
                    h.Role,
                    angle,
                    count
                )
            );
        return tokens;
    }
}
