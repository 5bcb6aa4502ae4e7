namespace Lib.Splits.Model;

/// <summary>
/// The baseline: the source's points as fractions of its start-to-finish time, scaled to the target's start and
/// finish (found by the model, or the target's true ones to give the baseline the most help).
/// </summary>
public static class ProportionalBaseline
{
    /// <summary>The target frame of each source point, given the target's start and finish frames.</summary>
    /// <exception cref="ArgumentException">Fewer than two source points, or a finish not after the start.</exception>
    public static double[] Predict(IReadOnlyList<int> sourcePoints, double targetStart, double targetFinish)
    {
        ArgumentNullException.ThrowIfNull(sourcePoints);
        return Predict([.. sourcePoints.Select(p => (double)p)], targetStart, targetFinish);
    }

    /// <summary>The target frame of each source point (frames, fractions allowed), given the target's start and
    /// finish frames.</summary>
    /// <exception cref="ArgumentException">Fewer than two source points, or a finish not after the start.</exception>
    public static double[] Predict(IReadOnlyList<double> sourcePoints, double targetStart, double targetFinish)
    {
        ArgumentNullException.ThrowIfNull(sourcePoints);
        if (sourcePoints.Count < 2 || sourcePoints[^1] <= sourcePoints[0])
            throw new ArgumentException("The source needs a start before its finish.", nameof(sourcePoints));
        if (!(targetFinish > targetStart))
            throw new ArgumentException(
                $"The target's finish ({targetFinish}) is not after its start ({targetStart})."
            );
        double s0 = sourcePoints[0],
            span = sourcePoints[^1] - s0;
        return [.. sourcePoints.Select(p => targetStart + (p - s0) / span * (targetFinish - targetStart))];
    }
}
