namespace Lib.Workflow;

/// <summary>
/// How close predictions are to the truth, in the target's unit, for every sport: the count, the mean absolute error,
/// the root mean squared error, R² (against the truth's own mean; NaN when the truth is constant), the mean signed
/// error
/// (prediction − truth: positive means predictions run high) and the mean absolute error in percent of the truth (NaN
/// when any truth is 0). Empty input gives a count of 0 and NaN for the rest.
/// </summary>
public sealed record RegressionMetrics(int Count, double Mae, double Rmse, double R2, double Bias, double PercentError)
{
    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static RegressionMetrics Compute(IReadOnlyList<double> predicted, IReadOnlyList<double> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Count != actual.Count)
            throw new ArgumentException(
                $"{predicted.Count} predictions for {actual.Count} true values.",
                nameof(predicted)
            );
        int n = actual.Count;
        if (n == 0)
            return new RegressionMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        double mean = 0;
        for (int i = 0; i < n; i++)
            mean += actual[i];
        mean /= n;
        double abs = 0,
            squares = 0,
            total = 0,
            bias = 0,
            percent = 0;
        for (int i = 0; i < n; i++)
        {
            double error = predicted[i] - actual[i];
            abs += Math.Abs(error);
            squares += error * error;
            total += (actual[i] - mean) * (actual[i] - mean);
            bias += error;
            percent += actual[i] == 0 ? double.NaN : Math.Abs(error / actual[i]) * 100;
        }
        return new RegressionMetrics(
            n,
            abs / n,
            Math.Sqrt(squares / n),
            total > 0 ? 1 - squares / total : double.NaN,
            bias / n,
            percent / n
        );
    }

    /// <summary>The mean absolute error alone.</summary>
    public static double MeanAbsoluteError(IReadOnlyList<double> predicted, IReadOnlyList<double> actual) =>
        Compute(predicted, actual).Mae;
}
