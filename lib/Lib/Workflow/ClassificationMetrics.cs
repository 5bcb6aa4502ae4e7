namespace Lib.Workflow;

/// <summary>
/// Binary classification metrics, as scikit-learn's <c>classification_report</c> with <c>zero_division=0</c>:
/// precision, recall and F1 of each class, their unweighted mean (macro) and the accuracy. The kit's one place for
/// them (the split timer's classifier is the first sport that needs them).
/// </summary>
public sealed record ClassificationMetrics(
    int Count,
    double Accuracy,
    double Precision0,
    double Recall0,
    double F1Class0,
    double Precision1,
    double Recall1,
    double F1Class1
)
{
    /// <summary>The mean F1 of the two classes.</summary>
    public double MacroF1 => (F1Class0 + F1Class1) / 2;

    /// <summary>The metrics of <paramref name="predicted"/> against <paramref name="actual"/>.</summary>
    /// <exception cref="ArgumentException">The lists differ in length.</exception>
    public static ClassificationMetrics Compute(IReadOnlyList<bool> predicted, IReadOnlyList<bool> actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (predicted.Count != actual.Count)
            throw new ArgumentException($"{predicted.Count} predictions for {actual.Count} labels.");
        int tp = 0,
            tn = 0,
            fp = 0,
            fn = 0;
        for (int i = 0; i < actual.Count; i++)
            if (actual[i])
            {
                if (predicted[i])
                    tp++;
                else
                    fn++;
            }
            else if (predicted[i])
                fp++;
            else
                tn++;
        static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;
        static double F1(double p, double r) => p + r == 0 ? 0 : 2 * p * r / (p + r);
        double p1 = Ratio(tp, tp + fp),
            r1 = Ratio(tp, tp + fn),
            p0 = Ratio(tn, tn + fn),
            r0 = Ratio(tn, tn + fp);
        return new ClassificationMetrics(
            actual.Count,
            Ratio(tp + tn, actual.Count),
            p0,
            r0,
            F1(p0, r0),
            p1,
            r1,
            F1(p1, r1)
        );
    }
}
