namespace Lib.Probabilities;

/// <summary>
/// Temperature scaling (Guo et al., 2017): one number T that divides a model's logits before the softmax (or the
/// sigmoid), fitted on validation data by minimising the negative log-likelihood. It changes confidence, never the
/// ranking or the predicted class. The NLL is convex in 1/T, so a golden-section search over ln T in
/// [ln <see cref="MinTemperature"/>, ln <see cref="MaxTemperature"/>] finds the minimum; a fit that ends on a bound
/// means the validation data wanted a more extreme temperature (e.g. separable data).
/// </summary>
public sealed class TemperatureScaling
{
    /// <summary>The smallest temperature a fit returns.</summary>
    public const double MinTemperature = 0.01;

    /// <summary>The largest temperature a fit returns.</summary>
    public const double MaxTemperature = 100;

    /// <summary>A scaling by <paramref name="temperature"/> (positive; 1 changes nothing).</summary>
    public TemperatureScaling(double temperature)
    {
        if (!(temperature > 0 && double.IsFinite(temperature)))
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "Expected a positive temperature.");
        Temperature = temperature;
    }

    /// <summary>T: logits are divided by it.</summary>
    public double Temperature { get; }

    /// <summary>
    /// Fits T on multi-class validation <paramref name="logits"/> (one row per sample) and class labels.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// The lists differ in length or are empty, rows differ in width, a logit is not finite, or a label is not a
    /// class of its row.
    /// </exception>
    public static TemperatureScaling Fit(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels)
    {
        BinaryInputs.SameLength(logits, labels, "logit rows");
        if (logits.Count == 0)
            throw new ArgumentException("Temperature scaling needs at least one validation sample.", nameof(logits));
        int classes = logits[0]?.Length ?? 0;
        for (int i = 0; i < logits.Count; i++)
        {
            if (logits[i] is null || logits[i].Length != classes || classes < 2)
                throw new ArgumentException(
                    $"Logit row {i} has {logits[i]?.Length ?? 0} classes: expected {Math.Max(classes, 2)} or more, "
                        + "the same in every row.",
                    nameof(logits)
                );
            BinaryInputs.Finite(logits[i], $"Row {i}: logit", nameof(logits));
            if (labels[i] < 0 || labels[i] >= classes)
                throw new ArgumentException(
                    $"Label {i} is {labels[i]}: expected a class in [0, {classes}).",
                    nameof(labels)
                );
        }
        return new TemperatureScaling(Minimise(t => NegativeLogLikelihood(logits, labels, t)));
    }

    /// <summary>Fits T on binary validation <paramref name="logits"/> (of the positive class) and labels.</summary>
    /// <exception cref="ArgumentException">
    /// The lists differ in length or are empty, or a logit is not finite.
    /// </exception>
    public static TemperatureScaling FitBinary(IReadOnlyList<double> logits, IReadOnlyList<bool> labels)
    {
        BinaryInputs.SameLength(logits, labels, "logits");
        BinaryInputs.Finite(logits, "Logit", nameof(logits));
        return Fit(logits.Select(z => new[] { 0, z }).ToArray(), labels.Select(y => y ? 1 : 0).ToArray());
    }

    /// <summary>The mean negative log-likelihood of the labels under softmax(logits / T).</summary>
    public static double NegativeLogLikelihood(IReadOnlyList<double[]> logits, IReadOnlyList<int> labels, double t)
    {
        BinaryInputs.SameLength(logits, labels, "logit rows");
        double sum = 0;
        for (int i = 0; i < logits.Count; i++)
        {
            var row = logits[i];
            double max = row.Max() / t,
                total = 0;
            foreach (var z in row)
                total += Math.Exp(z / t - max);
            sum -= row[labels[i]] / t - max - Math.Log(total);
        }
        return sum / logits.Count;
    }

    /// <summary>softmax(logits / T) of one sample.</summary>
    public double[] Softmax(double[] logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        double max = logits.Max() / Temperature,
            total = 0;
        var p = new double[logits.Length];
        for (int k = 0; k < p.Length; k++)
            total += p[k] = Math.Exp(logits[k] / Temperature - max);
        for (int k = 0; k < p.Length; k++)
            p[k] /= total;
        return p;
    }

    /// <summary>sigmoid(logit / T): the calibrated probability of the positive class.</summary>
    public double Sigmoid(double logit) => 1 / (1 + Math.Exp(-logit / Temperature));

    /// <summary>sigmoid(logit / T) of many binary logits.</summary>
    public double[] Sigmoid(IReadOnlyList<double> logits)
    {
        ArgumentNullException.ThrowIfNull(logits);
        return logits.Select(z => Sigmoid(z)).ToArray();
    }

    /// <summary>Golden-section search for the minimum of a unimodal function of T over ln T.</summary>
    private static double Minimise(Func<double, double> f)
    {
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double a = Math.Log(MinTemperature),
            b = Math.Log(MaxTemperature);
        double c = b - ratio * (b - a),
            d = a + ratio * (b - a);
        double fc = f(Math.Exp(c)),
            fd = f(Math.Exp(d));
        while (b - a > 1e-10)
        {
            if (fc <= fd)
            {
                (b, d, fd) = (d, c, fc);
                c = b - ratio * (b - a);
                fc = f(Math.Exp(c));
            }
            else
            {
                (a, c, fc) = (c, d, fd);
                d = a + ratio * (b - a);
                fd = f(Math.Exp(d));
            }
        }
        return Math.Exp((a + b) / 2);
    }
}
