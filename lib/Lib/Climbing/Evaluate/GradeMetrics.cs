using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// How close predictions are, in difficulty units (Kilter's scale: one unit is one Font step such as 6b → 6b+): the
/// kit's <see cref="RegressionMetrics"/> (count, MAE, RMSE, R² against the group's own mean, bias), and climbing's own
/// shares: within ±1 and ±2 units, and with the V grade exact, within ±1 and within ±2 V grades.
/// </summary>
public sealed record GradeMetrics(
    RegressionMetrics Regression,
    double Within1,
    double Within2,
    double VExact,
    double VWithin1,
    double VWithin2
)
{
    /// <summary>Routes scored.</summary>
    public int Count => Regression.Count;

    /// <summary>Mean absolute error, in difficulty units.</summary>
    public double Mae => Regression.Mae;

    /// <summary>Root mean squared error.</summary>
    public double Rmse => Regression.Rmse;

    /// <summary>R² against the group's own mean.</summary>
    public double R2 => Regression.R2;

    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static GradeMetrics Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> actual, GradeScale grades)
    {
        ArgumentNullException.ThrowIfNull(grades);
        var regression = RegressionMetrics.Compute(predicted, actual);
        int n = actual.Count;
        if (n == 0)
            return new GradeMetrics(regression, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        int w1 = 0,
            w2 = 0,
            v0 = 0,
            v1 = 0,
            v2 = 0;
        for (int i = 0; i < n; i++)
        {
            double e = Math.Abs(predicted[i] - actual[i]);
            if (e <= 1)
                w1++;
            if (e <= 2)
                w2++;
            int dv = Math.Abs(grades.VGrade(predicted[i]) - grades.VGrade(actual[i]));
            if (dv == 0)
                v0++;
            if (dv <= 1)
                v1++;
            if (dv <= 2)
                v2++;
        }
        return new GradeMetrics(
            regression,
            (double)w1 / n,
            (double)w2 / n,
            (double)v0 / n,
            (double)v1 / n,
            (double)v2 / n
        );
    }
}
