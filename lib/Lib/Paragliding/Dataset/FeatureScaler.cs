namespace Lib.Paragliding.Dataset;

/// <summary>
/// Standardisation (x − mean) / std per feature, fitted on training rows only and saved in the model card, so
/// prediction scales exactly as training did. A constant feature gets std 1.
/// </summary>
public sealed record FeatureScaler(IReadOnlyList<string> Names, IReadOnlyList<double> Mean, IReadOnlyList<double> Std)
{
    /// <summary>Fits on <paramref name="rows"/> (each <paramref name="names"/>.Count wide).</summary>
    public static FeatureScaler Fit(IReadOnlyList<string> names, IEnumerable<float[]> rows)
    {
        int n = names.Count;
        var sum = new double[n];
        var sq = new double[n];
        long count = 0;
        foreach (var row in rows)
        {
            if (row.Length != n)
                throw new ArgumentException($"A row has {row.Length} features, the scaler {n}.", nameof(rows));
            for (int i = 0; i < n; i++)
            {
                sum[i] += row[i];
                sq[i] += (double)row[i] * row[i];
            }
            count++;
        }
        if (count == 0)
            throw new ArgumentException("A scaler needs at least one training row.", nameof(rows));
        var mean = sum.Select(s => s / count).ToArray();
        var std = sq.Select((s, i) => Math.Sqrt(Math.Max(s / count - mean[i] * mean[i], 0)))
            .Select(s => s > 1e-9 ? s : 1.0)
            .ToArray();
        return new FeatureScaler(names, mean, std);
    }

    /// <summary>The scaled copy of <paramref name="row"/>.</summary>
    public float[] Transform(ReadOnlySpan<float> row)
    {
        if (row.Length != Names.Count)
            throw new ArgumentException($"A row has {row.Length} features, the scaler {Names.Count}.", nameof(row));
        var result = new float[row.Length];
        for (int i = 0; i < row.Length; i++)
            result[i] = (float)((row[i] - Mean[i]) / Std[i]);
        return result;
    }
}
