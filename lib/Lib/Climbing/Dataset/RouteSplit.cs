using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Lib.Climbing.Domain;

namespace Lib.Climbing.Dataset;

/// <summary>
/// A stable split by route: SHA-256 of <c>salt/board/holds</c> (the route's holds and roles, sorted) read as a
/// number in [0, 1) picks train, val or test by the fractions. A route is its set of holds on its board, so
/// the same route always lands in the same part, whatever else is in the table and in whatever order, and
/// the same holds graded at several angles (every angle of a Kilter climb, a MoonBoard Masters problem set
/// again at 25°) land together: no route is learned at one angle and tested at another.
/// </summary>
/// <param name="Train">The share of routes to train on.</param>
/// <param name="Val">The share for validation; the rest is test.</param>
/// <param name="Salt">Changes the assignment as a whole (another split of the same data).</param>
public sealed record RouteSplit(double Train = 0.7, double Val = 0.15, string Salt = "climbing")
{
    /// <summary>The share held out for testing.</summary>
    public double Test => 1 - Train - Val;

    /// <summary>What identifies a route for the split: its board and its holds with roles, sorted (<c>MOON2016/C5:start
    /// E6:start …</c>).</summary>
    public static string Identity(Route route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return route.Board
            + "/"
            + string.Join(" ", route.Holds.Select(h => $"{h.Hold}:{h.Role.Code()}").Order(StringComparer.Ordinal));
    }

    /// <summary>A point in [0, 1) fixed by the route's identity.</summary>
    public double Position(string identity)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes($"{Salt}/{identity}"), hash);
        return (BinaryPrimitives.ReadUInt64BigEndian(hash) >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>The part the route belongs to.</summary>
    public SplitName Of(Route route)
    {
        if (!(Train > 0 && Val >= 0 && Train + Val <= 1))
            throw new InvalidOperationException(
                $"Split fractions train {Train}, val {Val} must be positive and sum to at most 1."
            );
        var u = Position(Identity(route));
        return u < Train ? SplitName.Train
            : u < Train + Val ? SplitName.Val
            : SplitName.Test;
    }
}
