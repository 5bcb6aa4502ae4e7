namespace Lib.Splits.Dataset;

/// <summary>
/// Per-feature standardisation, (x − mean) / std, fitted on the training videos' frames and kept in the model's card
/// so prediction scales the same way.
/// </summary>
public sealed record FeatureScale(IReadOnlyList<float> Mean, IReadOnlyList<float> Std)
{
    /// <summary>The mean and standard deviation of every feature over every frame of <paramref name="videos"/> (a
    /// standard deviation below 1e-6 becomes 1).</summary>
    public static FeatureScale Fit(IEnumerable<FeatureSequence> videos)
    {
        ArgumentNullException.ThrowIfNull(videos);
        double[]? sum = null,
            sq = null;
        long n = 0;
        foreach (var v in videos)
        {
            sum ??= new double[v.Dim];
            sq ??= new double[v.Dim];
            if (v.Dim != sum.Length)
                throw new ArgumentException($"Videos have {sum.Length} and {v.Dim} features per frame.");
            for (int i = 0; i < v.FrameCount; i++)
            {
                var f = v.Frame(i);
                for (int j = 0; j < f.Length; j++)
                {
                    sum[j] += f[j];
                    sq[j] += (double)f[j] * f[j];
                }
            }
            n += v.FrameCount;
        }
        if (sum is null || sq is null || n == 0)
            throw new ArgumentException("No frames to fit a feature scale on.", nameof(videos));
        var mean = new float[sum.Length];
        var std = new float[sum.Length];
        for (int j = 0; j < sum.Length; j++)
        {
            double m = sum[j] / n;
            double s = Math.Sqrt(Math.Max(0, sq[j] / n - m * m));
            mean[j] = (float)m;
            std[j] = s < 1e-6 ? 1f : (float)s;
        }
        return new FeatureScale(mean, std);
    }

    /// <summary>Scales one frame's features in place.</summary>
    public void Apply(Span<float> frame)
    {
        if (frame.Length != Mean.Count)
            throw new ArgumentException($"A frame of {frame.Length} features; the scale has {Mean.Count}.");
        for (int j = 0; j < frame.Length; j++)
            frame[j] = (frame[j] - Mean[j]) / Std[j];
    }
}
