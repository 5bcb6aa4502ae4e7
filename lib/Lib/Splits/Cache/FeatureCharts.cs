using Lib.Charts;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Splits.Cache;

/// <summary>Charts of per-frame features: the cosine similarity between every frame of two videos (where the same
/// place shows as a bright ridge), and the features of one video over time.</summary>
public static class FeatureCharts
{
    /// <summary>cos(a_i, b_j) for every frame i of <paramref name="a"/> and j of <paramref name="b"/>.</summary>
    public static double[][] Similarity(VideoFeatures a, VideoFeatures b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var na = a.Values.Select(Norm).ToArray();
        var nb = b.Values.Select(Norm).ToArray();
        var result = new double[a.Count][];
        for (int i = 0; i < a.Count; i++)
        {
            result[i] = new double[b.Count];
            for (int j = 0; j < b.Count; j++)
            {
                double dot = 0;
                for (int k = 0; k < a.Dimension; k++)
                    dot += a.Values[i][k] * b.Values[j][k];
                result[i][j] = na[i] > 0 && nb[j] > 0 ? dot / (na[i] * nb[j]) : 0;
            }
        }
        return result;
    }

    /// <summary>
    /// The similarity of <paramref name="a"/>'s frames (rows, seconds) with <paramref name="b"/>'s (columns),
    /// with the pairs of true points (<paramref name="pointsA"/>[k], <paramref name="pointsB"/>[k], seconds) marked.
    /// </summary>
    public static GenericChart SimilarityChart(
        VideoFeatures a,
        VideoFeatures b,
        string nameA,
        string nameB,
        IReadOnlyList<double>? pointsA = null,
        IReadOnlyList<double>? pointsB = null
    )
    {
        var z = Similarity(a, b);
        var heat = Chart
            .Heatmap<double, double, double, string>(z, X: b.Times, Y: a.Times, Name: "cosine")
            .WithTraceProperty("colorscale", "Viridis");
        var charts = new List<GenericChart> { heat };
        if (pointsA is not null && pointsB is not null)
            charts.Add(
                Chart
                    .Point<double, double, string>(pointsB, pointsA, Name: "true points")
                    .WithTraceProperty("marker", new { color = "red", size = 9, symbol = "x" })
            );
        return Chart
            .Combine(charts)
            .WithTitle($"Frame similarity (cosine of {a.Extractor} features): {nameA} × {nameB}")
            .WithAxisTitles($"{nameB} (s)", $"{nameA} (s)")
            .WithHeight(560);
    }

    /// <summary>The first <paramref name="count"/> features of <paramref name="video"/> over time, as a
    /// heatmap.</summary>
    public static GenericChart FeaturesChart(VideoFeatures video, string name, int count = 64)
    {
        ArgumentNullException.ThrowIfNull(video);
        int d = Math.Min(count, video.Dimension);
        var z = new double[d][];
        for (int k = 0; k < d; k++)
            z[k] = [.. video.Values.Select(v => (double)v[k])];
        return Chart
            .Heatmap<double, double, int, string>(z, X: video.Times, Y: Enumerable.Range(0, d).ToArray(), Name: "feature")
            .WithTitle($"{name}: the first {d} of {video.Dimension} {video.Extractor} features per frame")
            .WithAxisTitles("time (s)", "feature")
            .WithHeight(360);
    }

    private static double Norm(float[] v) => Math.Sqrt(v.Sum(x => (double)x * x));
}
