namespace Lib.Splits.Model;

/// <summary>
/// Reads a source point's target frame off the target frames' source positions (<see cref="PlaceTrack"/>): a line
/// <c>target = a + b·(position − point)</c> fitted by least squares to the target frames whose position is within a
/// window of the point, twice more without the frames whose residual exceeds 2.5 standard deviations (and half a
/// frame); the answer is <c>a</c>, to a fraction of a frame. The first point (the start) looks only at positions
/// after it and the last (the finish) only before it: outside the run a camera may stand still, and every target frame
/// of a still shot sits at the same place, which would pull a two-sided fit. The ends may also leave a gap: the start
/// fitted to positions from <c>endGap</c> to <c>endWindow</c> after it (the finish likewise before it), so the line is
/// the interior warp extrapolated to the end, not pulled by the frames next to the still shot, which are placed worst.
/// </summary>
public static class PointFit
{
    /// <summary>The target frame of each of <paramref name="points"/> (source frames, fractions allowed), or
    /// <paramref name="fallback"/>'s value where fewer than three target frames lie in the window. The start and
    /// finish take positions from <paramref name="endGap"/> (at least half a frame) to <paramref name="endWindow"/>
    /// (<paramref name="window"/> when null) on their inner side.</summary>
    public static double[] Locate(
        IReadOnlyList<double> positions,
        IReadOnlyList<double> points,
        double window,
        Func<double, double> fallback,
        double endGap = 0.5,
        double? endWindow = null,
        bool endCut = false
    )
    {
        ArgumentNullException.ThrowIfNull(positions);
        ArgumentNullException.ThrowIfNull(points);
        ArgumentNullException.ThrowIfNull(fallback);
        if (!(window > 0))
            throw new ArgumentOutOfRangeException(nameof(window), $"The window must be positive; got {window}.");
        double gap = Math.Max(endGap, 0.5),
            reach = endWindow ?? window;
        if (!(reach > gap))
            throw new ArgumentOutOfRangeException(
                nameof(endWindow),
                $"The end window ({reach} frames) must reach beyond the end gap ({gap} frames)."
            );
        var result = new double[points.Count];
        for (int k = 0; k < points.Count; k++)
        {
            double p = points[k];
            bool start = k == 0 && points.Count > 1,
                finish = k == points.Count - 1 && points.Count > 1;
            double lo = start ? p + gap
                : finish ? p - reach
                : p - window,
                hi = finish ? p - gap
                : start ? p + reach
                : p + window;
            int from = 0,
                to = positions.Count - 1;
            if (endCut && start) // the run starts after the last frame still at the start
                for (int j = 0; j < positions.Count; j++)
                    if (positions[j] <= p + 0.5)
                        from = j + 1;
            if (endCut && finish) // and ends before the first frame already at the finish
                for (int j = positions.Count - 1; j >= 0; j--)
                    if (positions[j] >= p - 0.5)
                        to = j - 1;
            var x = new List<double>();
            var y = new List<double>();
            for (int j = from; j <= to; j++)
                if (positions[j] >= lo && positions[j] <= hi)
                {
                    x.Add(positions[j] - p);
                    y.Add(j);
                }
            result[k] = Intercept(x, y) ?? fallback(p);
        }
        return result;
    }

    /// <summary>The robust line's value at x = 0, or null with fewer than three points or no spread in x.</summary>
    public static double? Intercept(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        var keep = Enumerable.Repeat(true, x.Count).ToArray();
        double? intercept = null;
        for (int round = 0; round < 3; round++)
        {
            double n = 0,
                sx = 0,
                sy = 0,
                sxx = 0,
                sxy = 0;
            for (int i = 0; i < x.Count; i++)
                if (keep[i])
                {
                    n++;
                    sx += x[i];
                    sy += y[i];
                    sxx += x[i] * x[i];
                    sxy += x[i] * y[i];
                }
            double det = n * sxx - sx * sx;
            if (n < 3 || det <= 1e-9 * n * n)
                return intercept;
            double b = (n * sxy - sx * sy) / det,
                a = (sy - b * sx) / n;
            intercept = a;
            double ss = 0;
            for (int i = 0; i < x.Count; i++)
                if (keep[i])
                    ss += Math.Pow(y[i] - a - b * x[i], 2);
            double limit = Math.Max(2.5 * Math.Sqrt(ss / n), 0.5);
            for (int i = 0; i < x.Count; i++)
                keep[i] = Math.Abs(y[i] - a - b * x[i]) < limit;
        }
        return intercept;
    }
}
