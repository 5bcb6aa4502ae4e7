using Lib.Climbing.Ingest;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// How close predictions are, in difficulty units (Kilter's scale: one unit is one Font step such as
/// 6b → 6b+): MAE, RMSE, R² (against the group's own mean), the share within ±1 and ±2 units, and the
/// share whose V grade is exact, within ±1 and within ±2 V grades.
/// </summary>
public sealed record GradeMetrics(int Count, double Mae, double Rmse, double R2, double Within1, double Within2, double VExact, double VWithin1, double VWithin2)
{
    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    public static GradeMetrics Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, GradeScale grades)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(grades);
        if (predicted.Count != actual.Count) throw new ArgumentException($"{predicted.Count} predictions for {actual.Count} routes.", nameof(predicted));
        int n = actual.Count;
        if (n == 0) return new GradeMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = actual.Average(), ssRes = 0, ssTot = 0, abs = 0;
        int w1 = 0, w2 = 0, v0 = 0, v1 = 0, v2 = 0;
        for (int i = 0; i < n; i++)
        {
            double e = predicted[i] - actual[i];
            abs += Math.Abs(e);
            ssRes += e * e;
            ssTot += (actual[i] - mean) * (actual[i] - mean);
            if (Math.Abs(e) <= 1) w1++;
            if (Math.Abs(e) <= 2) w2++;
            int dv = Math.Abs(grades.VGrade(predicted[i]) - grades.VGrade(actual[i]));
            if (dv == 0) v0++;
            if (dv <= 1) v1++;
            if (dv <= 2) v2++;
        }
        return new GradeMetrics(n, abs / n, Math.Sqrt(ssRes / n), ssTot > 0 ? 1 - ssRes / ssTot : double.NaN,
            (double)w1 / n, (double)w2 / n, (double)v0 / n, (double)v1 / n, (double)v2 / n);
    }
}
