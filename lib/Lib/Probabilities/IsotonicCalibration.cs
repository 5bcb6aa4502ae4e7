namespace Lib.Probabilities;

/// <summary>
/// Isotonic calibration, as scikit-learn's <c>IsotonicRegression(out_of_bounds="clip")</c>: the non-decreasing map
/// from a score to a probability that best fits the validation labels in least squares (pool-adjacent-violators over
/// the scores sorted, equal scores pooled first), applied by linear interpolation between the fitted points and held
/// constant beyond the first and last.
/// </summary>
public sealed class IsotonicCalibration
{
    private readonly double[] _scores;
    private readonly double[] _probabilities;

    private IsotonicCalibration(double[] scores, double[] probabilities)
    {
        _scores = scores;
        _probabilities = probabilities;
    }

    /// <summary>The distinct validation scores, ascending: the map's knots.</summary>
    public IReadOnlyList<double> Scores => _scores;

    /// <summary>The calibrated probability at each knot (non-decreasing).</summary>
    public IReadOnlyList<double> Probabilities => _probabilities;

    /// <summary>Fits the map on validation <paramref name="scores"/> (any finite numbers) and their labels.</summary>
    /// <exception cref="ArgumentException">
    /// The lists differ in length, are empty, or a score is not finite.
    /// </exception>
    public static IsotonicCalibration Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> labels)
    {
        BinaryInputs.SameLength(scores, labels, "scores");
        BinaryInputs.Finite(scores, "Score", nameof(scores));
        if (scores.Count == 0)
            throw new ArgumentException("Isotonic calibration needs at least one validation score.", nameof(scores));
        var groups = Enumerable
            .Range(0, scores.Count)
            .GroupBy(i => scores[i])
            .OrderBy(g => g.Key)
            .Select(g => (Score: g.Key, Mean: g.Average(i => labels[i] ? 1.0 : 0.0), Weight: (double)g.Count()))
            .ToArray();
        var fit = PoolAdjacentViolators.Increasing(
            groups.Select(g => g.Mean).ToArray(),
            groups.Select(g => g.Weight).ToArray()
        );
        return new IsotonicCalibration(groups.Select(g => g.Score).ToArray(), fit);
    }

    /// <summary>A calibrator from its fitted points (<see cref="Scores"/>, increasing, and
    /// <see cref="Probabilities"/>, non-decreasing, in [0, 1]), as a saved model stores them.</summary>
    /// <exception cref="ArgumentException">The points are empty, of different lengths, or out of order.</exception>
    public static IsotonicCalibration FromPoints(IReadOnlyList<double> scores, IReadOnlyList<double> probabilities)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (scores.Count == 0 || scores.Count != probabilities.Count)
            throw new ArgumentException(
                $"Isotonic points need as many probabilities as scores, at least one; got {scores.Count} and "
                    + $"{probabilities.Count}."
            );
        for (int i = 0; i < scores.Count; i++)
        {
            if (!(probabilities[i] is >= 0 and <= 1) || double.IsNaN(scores[i]))
                throw new ArgumentException($"Point {i}: score {scores[i]}, probability {probabilities[i]}.");
            if (i > 0 && (scores[i] <= scores[i - 1] || probabilities[i] < probabilities[i - 1]))
                throw new ArgumentException(
                    $"Point {i} is out of order: scores must increase, probabilities not fall."
                );
        }
        return new IsotonicCalibration([.. scores], [.. probabilities]);
    }

    /// <summary>The calibrated probability of one score.</summary>
    public double Transform(double score)
    {
        if (double.IsNaN(score))
            throw new ArgumentException("The score is NaN: expected a number.", nameof(score));
        if (score <= _scores[0])
            return _probabilities[0];
        if (score >= _scores[^1])
            return _probabilities[^1];
        int hi = Array.BinarySearch(_scores, score);
        if (hi >= 0)
            return _probabilities[hi];
        hi = ~hi;
        int lo = hi - 1;
        double t = (score - _scores[lo]) / (_scores[hi] - _scores[lo]);
        return _probabilities[lo] + t * (_probabilities[hi] - _probabilities[lo]);
    }

    /// <summary>The calibrated probabilities of many scores.</summary>
    public double[] Transform(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var result = new double[scores.Count];
        for (int i = 0; i < result.Length; i++)
            result[i] = Transform(scores[i]);
        return result;
    }
}
