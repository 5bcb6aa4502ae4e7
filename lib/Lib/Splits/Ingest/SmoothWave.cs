using Lib.Tensors;

namespace Lib.Splits.Ingest;

/// <summary>
/// The recipe's smooth random wave W (step 7): Σ a_m·sin(2π·t_s/P_m + φ_m) over three sinusoids with a_m uniform in
/// [0.5, 1], φ_m uniform in [0, 2π) and P_m uniform in a period range, rescaled linearly so that its minimum and
/// maximum over the whole frames <c>[from, to]</c> where it is used are exactly −1 and +1. Between frames it is the
/// same continuous curve (the speed integral evaluates it at sub-steps).
/// </summary>
public sealed class SmoothWave
{
    private readonly double[] _amplitude,
        _period,
        _phase;
    private readonly double _min,
        _max;

    private SmoothWave(double[] amplitude, double[] period, double[] phase, int from, int to)
    {
        _amplitude = amplitude;
        _period = period;
        _phase = phase;
        _min = double.PositiveInfinity;
        _max = double.NegativeInfinity;
        for (int t = from; t <= to; t++)
        {
            double raw = Raw(t);
            _min = Math.Min(_min, raw);
            _max = Math.Max(_max, raw);
        }
        if (!(_max > _min))
            throw new InvalidOperationException($"A wave over frames {from}..{to} is constant: it cannot be rescaled.");
    }

    /// <summary>Draws a wave with periods uniform in [<paramref name="minPeriodSeconds"/>,
    /// <paramref name="maxPeriodSeconds"/>] s, normalised over frames <paramref name="from"/>..<paramref name="to"/>
    /// (inclusive).</summary>
    public static SmoothWave Draw(Generator random, double minPeriodSeconds, double maxPeriodSeconds, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (to <= from)
            throw new ArgumentException($"A wave needs at least two frames (got {from}..{to}).");
        var a = new double[3];
        var p = new double[3];
        var phi = new double[3];
        for (int m = 0; m < 3; m++)
        {
            a[m] = 0.5 + 0.5 * random.NextDouble();
            p[m] = minPeriodSeconds + (maxPeriodSeconds - minPeriodSeconds) * random.NextDouble();
            phi[m] = 2 * Math.PI * random.NextDouble();
        }
        return new SmoothWave(a, p, phi, from, to);
    }

    /// <summary>W at frame time <paramref name="t"/> (frames, fractional allowed).</summary>
    public double At(double t) => 2 * (Raw(t) - _min) / (_max - _min) - 1;

    private double Raw(double t)
    {
        double ts = t / SynthRecipe.Fps,
            sum = 0;
        for (int m = 0; m < 3; m++)
            sum += _amplitude[m] * Math.Sin(2 * Math.PI * ts / _period[m] + _phase[m]);
        return sum;
    }
}
