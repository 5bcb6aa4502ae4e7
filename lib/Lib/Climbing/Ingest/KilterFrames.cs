using System.Globalization;
using System.Text.RegularExpressions;

namespace Lib.Climbing.Ingest;

/// <summary>
/// Aurora's <c>frames</c> strings (Kilter, Tension): <c>p1162r13p1163r13…</c>, each hold a placement id
/// after <c>p</c> and a role id after <c>r</c>. Climbs of several frames (animated sequences, with
/// <c>,"</c> separators and <c>x</c> removals) are not single routes and are refused.
/// </summary>
public static partial class KilterFrames
{
    [GeneratedRegex(@"\Ap(\d{1,9})r(\d{1,9})")]
    private static partial Regex Hold();

    /// <summary>The (placement, role) pairs of a one-frame string.</summary>
    /// <exception cref="FormatException">The string is not <c>p&lt;digits&gt;r&lt;digits&gt;</c> repeated; the message
    /// says where it breaks.</exception>
    public static List<(int Placement, int Role)> Decode(string frames)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var holds = new List<(int, int)>();
        int at = 0;
        while (at < frames.Length)
        {
            var m = Hold().Match(frames[at..]);
            if (!m.Success)
            {
                var rest = frames[at..];
                throw new FormatException(
                    $"frames break at character {at} ('{(rest.Length > 20 ? rest[..20] + "…" : rest)}'); "
                        + "expected p<placement>r<role> repeated"
                );
            }
            holds.Add(
                (
                    int.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture),
                    int.Parse(m.Groups[2].ValueSpan, CultureInfo.InvariantCulture)
                )
            );
            at += m.Length;
        }
        if (holds.Count == 0)
            throw new FormatException("frames is empty");
        return holds;
    }

    /// <summary>Writes (placement, role) pairs back as a frames string.</summary>
    public static string Encode(IEnumerable<(int Placement, int Role)> holds) =>
        string.Concat(holds.Select(h => string.Create(CultureInfo.InvariantCulture, $"p{h.Placement}r{h.Role}")));
}
