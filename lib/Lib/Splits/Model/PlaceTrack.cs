namespace Lib.Splits.Model;

/// <summary>
/// Where each target frame is along the source video, to a fraction of a frame: near the source frame an alignment
/// path gives it, the source frame whose embedding is closest (cosine) to the target frame's, moved by the vertex of
/// the parabola through that distance and its two neighbours' (at most half a frame).
/// </summary>
public static class PlaceTrack
{
    /// <summary>
    /// The source position (in source frames) of each target frame: <paramref name="source"/> and
    /// <paramref name="target"/> are unit-length embeddings, frame-major with <paramref name="dim"/> values a frame;
    /// <paramref name="centre"/> is each target frame's source frame on the alignment path, searched within
    /// <paramref name="radius"/> frames.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes that disagree.</exception>
    public static double[] Positions(float[] source, float[] target, int dim, IReadOnlyList<double> centre, int radius)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(centre);
        if (dim <= 0 || source.Length % dim != 0 || target.Length % dim != 0 || target.Length / dim != centre.Count)
            throw new ArgumentException(
                $"Embeddings of {dim} values a frame and one centre per target frame are needed; got "
                    + $"{source.Length} and {target.Length} values and {centre.Count} centres."
            );
        int n = source.Length / dim,
            m = centre.Count;
        var positions = new double[m];
        for (int j = 0; j < m; j++)
        {
            int c = (int)Math.Round(centre[j]);
            int lo = Math.Max(0, c - radius),
                hi = Math.Min(n - 1, c + radius);
            var t = target.AsSpan(j * dim, dim);
            var distance = new double[hi - lo + 1];
            int best = 0;
            for (int i = lo; i <= hi; i++)
            {
                distance[i - lo] = 1 - Dot(source.AsSpan(i * dim, dim), t);
                if (distance[i - lo] < distance[best])
                    best = i - lo;
            }
            double offset = 0;
            if (best > 0 && best < distance.Length - 1)
            {
                double a = distance[best - 1],
                    b = distance[best],
                    d = distance[best + 1];
                double curvature = a - 2 * b + d;
                if (curvature > 0)
                    offset = Math.Clamp(0.5 * (a - d) / curvature, -0.5, 0.5);
            }
            positions[j] = lo + best + offset;
        }
        return positions;
    }

    /// <summary>Scales each frame of a frame-major array to unit length (all-zero frames stay zero).</summary>
    public static float[] Normalise(float[] values, int dim)
    {
        ArgumentNullException.ThrowIfNull(values);
        var result = (float[])values.Clone();
        for (int at = 0; at + dim <= result.Length; at += dim)
        {
            var row = result.AsSpan(at, dim);
            double norm = Math.Sqrt(Dot(row, row));
            if (norm > 0)
                for (int k = 0; k < dim; k++)
                    row[k] = (float)(row[k] / norm);
        }
        return result;
    }

    static double Dot(ReadOnlySpan<float> a, ReadOnlySpan<float> b) =>
        System.Numerics.Tensors.TensorPrimitives.Dot(a, b);
}
