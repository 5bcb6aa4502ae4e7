using Lib.Probabilities;

namespace Lib.Paragliding.Model;

/// <summary>
/// The calibration saved with a model: per threshold, an isotonic map from the network's probability to a calibrated
/// one, fitted on the validation weeks (points as <see cref="IsotonicCalibration.Scores"/> and
/// <see cref="IsotonicCalibration.Probabilities"/>); after it, the row is made non-increasing over the thresholds by
/// the cumulative minimum (<see cref="MonotoneThresholds.CumulativeMin"/>).
/// </summary>
public sealed record ThresholdCalibration(IReadOnlyList<double[]> Scores, IReadOnlyList<double[]> Probabilities)
{
    /// <summary>Fits one isotonic map per threshold on validation probabilities [N][K] and labels [N][K].</summary>
    public static ThresholdCalibration Fit(IReadOnlyList<double[]> probabilities, IReadOnlyList<float[]> labels)
    {
        int k = probabilities[0].Length;
        var scores = new double[k][];
        var probs = new double[k][];
        for (int j = 0; j < k; j++)
        {
            var fit = IsotonicCalibration.Fit(
                [.. probabilities.Select(p => p[j])],
                [.. labels.Select(l => l[j] > 0.5f)]
            );
            scores[j] = [.. fit.Scores];
            probs[j] = [.. fit.Probabilities];
        }
        return new ThresholdCalibration(scores, probs);
    }

    /// <summary>The calibrated, monotone rows of <paramref name="probabilities"/> [N][K].</summary>
    public double[][] Apply(IReadOnlyList<double[]> probabilities)
    {
        var maps = Scores.Select((s, j) => IsotonicCalibration.FromPoints(s, Probabilities[j])).ToArray();
        var calibrated = probabilities.Select(row => row.Select((p, j) => maps[j].Transform(p)).ToArray()).ToArray();
        return MonotoneThresholds.CumulativeMin(calibrated);
    }
}
