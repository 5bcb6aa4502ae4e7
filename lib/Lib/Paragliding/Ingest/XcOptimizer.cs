using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Optimises a track's cross-country distances (<see cref="XcDistances"/>). Free distance: dynamic programming over
/// at most <see cref="FreePoints"/> evenly spaced fixes (the best path through 5 fixes in time order: start, three
/// turnpoints, end; a repeated fix makes fewer turnpoints), then each point moved to the best full-resolution fix
/// between its neighbours' samples (coordinate ascent). Triangles: every triple of at most
/// <see cref="TrianglePoints"/> evenly spaced fixes, the closing gap min over s ≤ first, e ≥ last of d(s, e) (an
/// O(n²) table), so a triangle's accuracy is the sample spacing. Distances on the 6371.0 km sphere.
/// </summary>
public sealed record XcOptimizer(int FreePoints = 1000, int TrianglePoints = 300)
{
    /// <summary>The closing gap allowed, as a share of the perimeter (XContest: 20%).</summary>
    public const double MaxClosing = 0.2;

    /// <summary>The shortest side of an FAI triangle, as a share of the perimeter.</summary>
    public const double FaiMinSide = 0.28;

    /// <summary>The distances of the valid fixes, in time order.</summary>
    public XcDistances Optimise(IReadOnlyList<IgcFix> fixes)
    {
        ArgumentNullException.ThrowIfNull(fixes);
        if (fixes.Count == 0)
            return new XcDistances(0, 0, [], 0, [], 0, []);
        var xyz = fixes.Select(f => Unit(f.Lat, f.Lon)).ToArray();
        double straight = GreatCircle.Km(fixes[0], fixes[^1]);
        var (free, turnpoints) = Free(fixes, xyz);
        var (flat, flatAt, fai, faiAt) = Triangles(fixes, xyz);
        return new XcDistances(straight, free, turnpoints, flat, flatAt, fai, faiAt);
    }

    private (double Km, int[] Points) Free(IReadOnlyList<IgcFix> fixes, (double X, double Y, double Z)[] xyz)
    {
        var s = Sample(fixes.Count, FreePoints);
        int n = s.Length;
        const int legs = 4;
        var best = new double[legs + 1, n];
        var from = new int[legs + 1, n];
        for (int l = 1; l <= legs; l++)
        for (int j = 0; j < n; j++)
        {
            double top = double.NegativeInfinity;
            int arg = j;
            for (int i = 0; i <= j; i++)
            {
                double v = best[l - 1, i] + Km(xyz[s[i]], xyz[s[j]]);
                if (v > top)
                    (top, arg) = (v, i);
            }
            best[l, j] = top;
            from[l, j] = arg;
        }
        int end = 0;
        for (int j = 1; j < n; j++)
            if (best[legs, j] > best[legs, end])
                end = j;
        var picked = new int[legs + 1];
        picked[legs] = end;
        for (int l = legs; l >= 1; l--)
            picked[l - 1] = from[l, picked[l]];
        var points = picked.Select(i => s[i]).ToArray();
        // Refine at full resolution: each point within its neighbours' sample gaps.
        for (int round = 0; round < 3; round++)
        for (int k = 0; k <= legs; k++)
        {
            int lo = k == 0 ? 0 : points[k - 1],
                hi = k == legs ? fixes.Count - 1 : points[k + 1];
            int bestAt = points[k];
            double bestSum = Around(xyz, points, k, bestAt);
            for (int c = lo; c <= hi; c++)
            {
                double sum = Around(xyz, points, k, c);
                if (sum > bestSum)
                    (bestSum, bestAt) = (sum, c);
            }
            points[k] = bestAt;
        }
        double km = 0;
        for (int k = 0; k < legs; k++)
            km += GreatCircle.Km(fixes[points[k]], fixes[points[k + 1]]);
        return (km, points);
    }

    private static double Around((double X, double Y, double Z)[] xyz, int[] points, int k, int at) =>
        (k > 0 ? Km(xyz[points[k - 1]], xyz[at]) : 0) + (k < points.Length - 1 ? Km(xyz[at], xyz[points[k + 1]]) : 0);

    private (double Flat, int[] FlatAt, double Fai, int[] FaiAt) Triangles(
        IReadOnlyList<IgcFix> fixes,
        (double X, double Y, double Z)[] xyz
    )
    {
        var s = Sample(fixes.Count, TrianglePoints);
        int n = s.Length;
        var d = new double[n, n];
        for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            d[i, j] = d[j, i] = Km(xyz[s[i]], xyz[s[j]]);
        // gap[a, c] = min over s ≤ a, e ≥ c of d(s, e).
        var gap = new double[n, n];
        for (int a = 0; a < n; a++)
        for (int c = n - 1; c >= a; c--)
        {
            double g = d[a, c];
            if (a > 0)
                g = Math.Min(g, gap[a - 1, c]);
            if (c < n - 1)
                g = Math.Min(g, gap[a, c + 1]);
            gap[a, c] = g;
        }
        double flat = 0,
            fai = 0,
            flatGap = 0,
            faiGap = 0;
        int[] flatAt = [],
            faiAt = [];
        for (int a = 0; a < n; a++)
        for (int c = a + 2; c < n; c++)
        {
            double closing = gap[a, c],
                ca = d[c, a];
            for (int b = a + 1; b < c; b++)
            {
                double ab = d[a, b],
                    bc = d[b, c],
                    p = ab + bc + ca;
                if (p <= 0 || closing > MaxClosing * p)
                    continue;
                double score = p - closing;
                if (score > flat)
                    (flat, flatGap, flatAt) = (score, closing, [s[a], s[b], s[c]]);
                if (score > fai && Math.Min(ab, Math.Min(bc, ca)) >= FaiMinSide * p)
                    (fai, faiGap, faiAt) = (score, closing, [s[a], s[b], s[c]]);
            }
        }
        return (Exact(fixes, flatAt, flatGap), flatAt, Exact(fixes, faiAt, faiGap), faiAt);
    }

    /// <summary>A triangle's score, perimeter − closing gap, with the haversine sides; 0 for none.</summary>
    private static double Exact(IReadOnlyList<IgcFix> fixes, int[] at, double closing) =>
        at.Length == 0
            ? 0
            : GreatCircle.Km(fixes[at[0]], fixes[at[1]])
                + GreatCircle.Km(fixes[at[1]], fixes[at[2]])
                + GreatCircle.Km(fixes[at[2]], fixes[at[0]])
                - closing;

    /// <summary>At most <paramref name="max"/> indices evenly spaced over 0 … count − 1, both ends included.</summary>
    private static int[] Sample(int count, int max)
    {
        if (count <= max)
            return [.. Enumerable.Range(0, count)];
        return [.. Enumerable.Range(0, max).Select(i => (int)Math.Round(i * (count - 1.0) / (max - 1))).Distinct()];
    }

    private static (double X, double Y, double Z) Unit(double lat, double lon)
    {
        double p = lat * Math.PI / 180,
            l = lon * Math.PI / 180;
        return (Math.Cos(p) * Math.Cos(l), Math.Cos(p) * Math.Sin(l), Math.Sin(p));
    }

    /// <summary>The great-circle distance from unit vectors (2R·asin(chord/2), the haversine's value).</summary>
    private static double Km((double X, double Y, double Z) a, (double X, double Y, double Z) b)
    {
        double dx = a.X - b.X,
            dy = a.Y - b.Y,
            dz = a.Z - b.Z;
        return 2 * GreatCircle.RadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(dx * dx + dy * dy + dz * dz) / 2));
    }
}
