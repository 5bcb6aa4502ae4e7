namespace Lib.Splits.Model;

/// <summary>
/// Where a frame's view passes a reference place, read off a sequence of (frame time, horizontal displacement from
/// the reference) samples: a robust least-squares line <c>d = a + b·t</c> (refitted without residuals beyond
/// 3 robust σ, at least <see cref="MinResidual"/> px) and its zero crossing, to a fraction of a frame. A split is
/// passed while moving; the start is the onset of motion after a still shot (the first sample whose displacement
/// leaves the still level by more than a threshold, then the line through the moving samples meets the still
/// level), the finish the end of motion before one (the same, mirrored in time).
/// </summary>
public static class LineCrossing
{
    /// <summary>Consecutive samples beyond the threshold that make an onset of motion.</summary>
    public const int OnsetRun = 4;

    /// <summary>Residuals below this (px) are never outliers.</summary>
    public const double MinResidual = 0.75;

    /// <summary>A crossing, how many samples its line kept and of how many offered to it.</summary>
    public readonly record struct Crossing(double Time, int Inliers, int Samples);

    /// <summary>The time the displacement crosses zero while moving forward (a slope of at least
    /// <paramref name="minSlope"/> px per time unit), from samples within <paramref name="maxDisplacement"/> px;
    /// null when too few samples or no forward line.</summary>
    public static Crossing? Split(
        IReadOnlyList<(double Time, double Displacement)> samples,
        double minSlope,
        double maxDisplacement,
        int minSamples = 6
    )
    {
        ArgumentNullException.ThrowIfNull(samples);
        var near = samples.Where(s => Math.Abs(s.Displacement) <= maxDisplacement).ToList();
        if (near.Count < minSamples)
            return null;
        var line = RobustLine(near);
        if (line is not var (a, b, inliers) || !(b >= minSlope) || inliers < minSamples)
            return null;
        return new Crossing(-a / b, inliers, near.Count);
    }

    /// <summary>The onset of forward motion after a still shot: samples in time order; the still level is the
    /// median displacement of the samples before the first of <see cref="OnsetRun"/> in a row that leave it by more
    /// than <paramref name="threshold"/> px (0 when fewer than three), the moving line is fitted to the samples
    /// from there on within <paramref name="span"/> time units and <paramref name="maxDisplacement"/> px, and the
    /// answer is where it meets the still level.</summary>
    public static Crossing? Start(
        IReadOnlyList<(double Time, double Displacement)> samples,
        double threshold,
        double minSlope,
        double span,
        double maxDisplacement,
        int minSamples = 6
    )
    {
        ArgumentNullException.ThrowIfNull(samples);
        var ordered = samples.OrderBy(s => s.Time).ToList();
        // the onset: the first sample from which the next OnsetRun all leave the still level
        int first = -1;
        for (int i = 0; i + OnsetRun <= ordered.Count && first < 0; i++)
            if (ordered.Skip(i).Take(OnsetRun).All(s => s.Displacement > threshold))
                first = i;
        if (first < 0)
            return null;
        var still = ordered.Take(first).Select(s => s.Displacement).ToList();
        double level = still.Count >= 3 ? Median(still) : 0;
        double onset = ordered[first].Time;
        int lastStill = first - 1;
        var moving = ordered
            .Skip(lastStill + 1)
            .Where(s => s.Time <= onset + span && s.Displacement <= maxDisplacement)
            .ToList();
        if (moving.Count < minSamples)
            return null;
        var line = RobustLine(moving);
        if (line is not var (a, b, inliers) || !(b >= minSlope) || inliers < minSamples)
            return null;
        double guess = (level - a) / b;
        // then the still level and the moving line fitted together: d = L + b·max(0, t − t0), the hinge t0 searched
        // within 2·span of the first guess (a still-shot frame read as moving, or a bend in the motion, moves the
        // guess), the samples from span before the hinge to span after it
        var hinge = Hinge(ordered, guess, span, maxDisplacement);
        bool inside = hinge is { } e && Math.Abs(e.Time - guess) < 2 * span - 0.5; // at its range's edge: no minimum
        if (inside && hinge is { } h && h.Slope >= minSlope && h.Inliers >= minSamples)
            return new Crossing(h.Time, h.Inliers, h.Samples);
        return new Crossing(guess, inliers, moving.Count);
    }

    /// <summary>The best hinge <c>d = L + b·max(0, t − t0)</c> over t0 within 2·<paramref name="span"/> of
    /// <paramref name="guess"/> (steps of 1/20 of a time unit), least squares on the samples within
    /// <paramref name="span"/> of the hinge, refitted once without residuals beyond 3 robust σ.</summary>
    static (double Time, double Slope, int Inliers, int Samples)? Hinge(
        IReadOnlyList<(double Time, double Displacement)> ordered,
        double guess,
        double span,
        double maxDisplacement
    )
    {
        var usable = ordered.Where(s => Math.Abs(s.Displacement) <= maxDisplacement).ToList();
        (double Time, double Level, double Slope, double Sse, int Count)? Search(
            IReadOnlyList<(double Time, double Displacement)> points
        )
        {
            (double, double, double, double, int)? best = null;
            for (double t0 = guess - 2 * span; t0 <= guess + 2 * span; t0 += 0.05)
            {
                double n = 0, sx = 0, sy = 0, sxx = 0, sxy = 0;
                foreach (var (t, d) in points)
                {
                    if (t < t0 - span || t > t0 + span)
                        continue;
                    double x = Math.Max(0, t - t0);
                    n++;
                    sx += x;
                    sy += d;
                    sxx += x * x;
                    sxy += x * d;
                }
                double det = n * sxx - sx * sx;
                if (n < 6 || !(det > 1e-9))
                    continue;
                double slope = (n * sxy - sx * sy) / det,
                    level = (sy - slope * sx) / n;
                double sse = 0;
                foreach (var (t, d) in points)
                    if (t >= t0 - span && t <= t0 + span)
                    {
                        double r = d - level - slope * Math.Max(0, t - t0);
                        sse += r * r;
                    }
                sse /= n;
                if (best is null || sse < best.Value.Item4)
                    best = (t0, level, slope, sse, (int)n);
            }
            return best;
        }
        if (Search(usable) is not var (t1, l1, b1, _, _))
            return null;
        var residuals = usable
            .Where(s => s.Time >= t1 - span && s.Time <= t1 + span)
            .Select(s => Math.Abs(s.Displacement - l1 - b1 * Math.Max(0, s.Time - t1)))
            .ToList();
        double cut = Math.Max(3 * 1.4826 * Median(residuals), MinResidual);
        var kept = usable
            .Where(s => Math.Abs(s.Displacement - l1 - b1 * Math.Max(0, s.Time - t1)) <= cut)
            .ToList();
        if (Search(kept) is not var (t2, _, b2, _, n2))
            return null;
        return (t2, b2, n2, residuals.Count);
    }

    /// <summary>The end of forward motion before a still shot (<see cref="Start"/> mirrored in time).</summary>
    public static Crossing? Finish(
        IReadOnlyList<(double Time, double Displacement)> samples,
        double threshold,
        double minSlope,
        double span,
        double maxDisplacement,
        int minSamples = 6
    )
    {
        ArgumentNullException.ThrowIfNull(samples);
        var mirrored = samples.Select(s => (-s.Time, -s.Displacement)).ToList();
        return Start(mirrored, threshold, minSlope, span, maxDisplacement, minSamples) is { } c
            ? c with { Time = -c.Time }
            : null;
    }

    /// <summary>Least squares, refitted three times without residuals beyond max(3·1.4826·MAD,
    /// <see cref="MinResidual"/>); null with fewer than two distinct times.</summary>
    public static (double A, double B, int Inliers)? RobustLine(
        IReadOnlyList<(double Time, double Displacement)> points
    )
    {
        ArgumentNullException.ThrowIfNull(points);
        var kept = points.ToList();
        (double A, double B)? fit = null;
        for (int round = 0; round < 4; round++)
        {
            fit = Fit(kept);
            if (fit is not var (a, b))
                return null;
            var residuals = points.Select(p => Math.Abs(p.Displacement - a - b * p.Time)).ToList();
            double cut = Math.Max(3 * 1.4826 * Median(residuals), MinResidual);
            var next = points.Where((p, i) => residuals[i] <= cut).ToList();
            if (next.Count == kept.Count)
                break;
            kept = next;
        }
        return fit is var (fa, fb) ? (fa, fb, kept.Count) : null;
    }

    static (double A, double B)? Fit(IReadOnlyList<(double Time, double Displacement)> points)
    {
        if (points.Count < 2)
            return null;
        double mt = points.Average(p => p.Time),
            md = points.Average(p => p.Displacement);
        double stt = points.Sum(p => (p.Time - mt) * (p.Time - mt)),
            std = points.Sum(p => (p.Time - mt) * (p.Displacement - md));
        if (!(stt > 0))
            return null;
        double b = std / stt;
        return (md - b * mt, b);
    }

    static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        int n = sorted.Count;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }
}
