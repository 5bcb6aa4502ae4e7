using Lib.Tensors;

namespace Lib.Splits.Ingest;

/// <summary>
/// The view's position x(t) per frame (recipe step 8): 0 up to F0, T from F5, and between them the integral of
/// v(t) = g(t)·p(t), where p = max(0.5, 1 + 0.25·W) is a smooth profile over the whole run (W with periods 3–12 s,
/// normalised over F0..F5) and g is a base speed at level G_k in sector k whose change to G_(k+1) is a raised-cosine
/// ramp placed near, not at, split k. The levels solve the 5×5 system ∫ over sector k of g·p = X_k − X_(k−1), so
/// each sector takes exactly its duration; the integral is the trapezoid rule on 8 sub-steps per frame, rescaled
/// within each sector so that x(F_k) = X_k exactly (this only removes rounding).
/// </summary>
public sealed class TraversalPath
{
    /// <summary>Trapezoid sub-steps per frame.</summary>
    public const int SubSteps = 8;

    private readonly SmoothWave _profile;
    private readonly double[] _centres,
        _widths,
        _levels;

    private TraversalPath(
        SmoothWave profile,
        double[] centres,
        double[] widths,
        double[] levels,
        double[] positions,
        double[] rescale
    )
    {
        _profile = profile;
        _centres = centres;
        _widths = widths;
        _levels = levels;
        Positions = positions;
        Rescale = rescale;
    }

    /// <summary>x per frame of the video (0 … T), px.</summary>
    public IReadOnlyList<double> Positions { get; }

    /// <summary>The levels G1..G5 of the base speed, px per frame.</summary>
    public IReadOnlyList<double> Levels => _levels;

    /// <summary>The ramps' centres c1..c4, frames.</summary>
    public IReadOnlyList<double> RampCentres => _centres;

    /// <summary>The ramps' durations w1..w4, frames.</summary>
    public IReadOnlyList<double> RampWidths => _widths;

    /// <summary>Per sector, the factor that made x(F_k) = X_k exactly (1 up to rounding).</summary>
    public IReadOnlyList<double> Rescale { get; }

    /// <summary>The speed v(t) = g(t)·p(t) at frame time <paramref name="t"/>, px per frame.</summary>
    public double Speed(double t) => Base(t) * Profile(t);

    /// <summary>Draws the path of a rider with <paramref name="timing"/> over split positions
    /// <paramref name="x"/> (X0..X5).</summary>
    /// <exception cref="InvalidOperationException">No ramp placement in 10,000 keeps every level within 1/1.6–1.6 times
    /// its sector's mean speed.</exception>
    public static TraversalPath Draw(RiderTiming timing, IReadOnlyList<int> x, Generator random)
    {
        ArgumentNullException.ThrowIfNull(timing);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(random);
        var f = timing.PointFrames;
        var d = timing.Sectors;
        var profile = SmoothWave.Draw(random, 3, 12, f[0], f[5]);
        for (int attempt = 0; attempt < 10_000; attempt++)
        {
            var centres = new double[4];
            var widths = new double[4];
            for (int k = 1; k <= 4; k++)
            {
                double dk = Math.Min(2.5, 0.3 * Math.Min(d[k - 1], d[k]));
                double delta = -dk + 2 * dk * random.NextDouble();
                centres[k - 1] = f[k] + SynthRecipe.Fps * delta;
                widths[k - 1] = SynthRecipe.Fps * (2 + 4 * random.NextDouble());
            }
            var path = new TraversalPath(profile, centres, widths, new double[5], [], []);
            var levels = path.SolveLevels(f, x);
            bool ok = true;
            for (int k = 0; k < 5 && ok; k++)
            {
                double mean = (x[k + 1] - x[k]) / (double)(f[k + 1] - f[k]);
                ok = levels[k] >= mean / 1.6 && levels[k] <= mean * 1.6;
            }
            if (!ok)
                continue;
            Array.Copy(levels, path._levels, 5);
            var (positions, rescale) = path.Integrate(timing, x);
            return new TraversalPath(profile, centres, widths, levels, positions, rescale);
        }
        throw new InvalidOperationException("No ramp placement keeps the base speed within 1/1.6–1.6 of the means.");
    }

    private double Profile(double t) => Math.Max(0.5, 1 + 0.25 * _profile.At(t));

    private double Base(double t)
    {
        double g = _levels[0];
        for (int k = 0; k < 4; k++)
            g += (_levels[k + 1] - _levels[k]) * Ramp(k, t);
        return g;
    }

    /// <summary>H(u_k) at <paramref name="t"/>: 0 before the ramp, 1 after it, a raised cosine between.</summary>
    private double Ramp(int k, double t)
    {
        double u = (t - _centres[k]) / _widths[k] + 0.5;
        return u <= 0 ? 0
            : u >= 1 ? 1
            : (1 - Math.Cos(Math.PI * u)) / 2;
    }

    /// <summary>The weight of level j in g at t: g = Σ_j G_j·φ_j(t).</summary>
    private double Basis(int j, double t) =>
        j == 0 ? 1 - Ramp(0, t)
        : j == 4 ? Ramp(3, t)
        : Ramp(j - 1, t) - Ramp(j, t);

    /// <summary>Solves A·G = ΔX with A[k, j] = ∫ over sector k of φ_j·p (the same trapezoid rule).</summary>
    private double[] SolveLevels(IReadOnlyList<int> f, IReadOnlyList<int> x)
    {
        var a = new double[5, 5];
        var b = new double[5];
        for (int k = 0; k < 5; k++)
        {
            b[k] = x[k + 1] - x[k];
            for (int j = 0; j < 5; j++)
            {
                int jj = j;
                a[k, j] = Trapezoid(f[k], f[k + 1], t => Basis(jj, t) * Profile(t));
            }
        }
        return Lib.Workflow.LinearSystem.Solve(a, b);
    }

    private static double Trapezoid(int from, int to, Func<double, double> v)
    {
        double sum = 0,
            h = 1.0 / SubSteps;
        for (int t = from; t < to; t++)
        for (int s = 0; s < SubSteps; s++)
        {
            double t0 = t + s * h;
            sum += (v(t0) + v(t0 + h)) * h / 2;
        }
        return sum;
    }

    private (double[] Positions, double[] Rescale) Integrate(RiderTiming timing, IReadOnlyList<int> x)
    {
        var f = timing.PointFrames;
        var positions = new double[timing.FrameCount];
        var rescale = new double[5];
        for (int i = f[5]; i < positions.Length; i++)
            positions[i] = x[5];
        double h = 1.0 / SubSteps;
        for (int k = 0; k < 5; k++)
        {
            var running = new double[f[k + 1] - f[k] + 1];
            for (int t = f[k]; t < f[k + 1]; t++)
            {
                double step = 0;
                for (int s = 0; s < SubSteps; s++)
                {
                    double t0 = t + s * h;
                    step += (Speed(t0) + Speed(t0 + h)) * h / 2;
                }
                running[t - f[k] + 1] = running[t - f[k]] + step;
            }
            double scale = (x[k + 1] - x[k]) / running[^1];
            rescale[k] = scale;
            for (int t = f[k]; t < f[k + 1]; t++)
                positions[t] = x[k] + running[t - f[k]] * scale;
            positions[f[k + 1]] = x[k + 1];
        }
        return (positions, rescale);
    }
}
