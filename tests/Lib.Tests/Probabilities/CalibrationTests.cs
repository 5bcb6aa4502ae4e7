using Lib.Probabilities;
using Lib.Tensors;

namespace Lib.Tests.Probabilities;

public class CalibrationTests
{
    /// <summary>
    /// A deliberately overconfident model: true logits z ~ N(0, 2²), outcomes ~ Bernoulli(sigmoid(z)), and the
    /// model reports 3z. The first half is the validation set to fit on, the second the test set to measure on.
    /// </summary>
    private static (double[] Logits, bool[] Labels) Overconfident(int n, long seed)
    {
        var random = new Generator(seed);
        var logits = new double[n];
        var labels = new bool[n];
        for (int i = 0; i < n; i++)
        {
            double z = 2 * random.NextNormal();
            labels[i] = random.NextDouble() < 1 / (1 + Math.Exp(-z));
            logits[i] = 3 * z;
        }
        return (logits, labels);
    }

    private static double Sigmoid(double z) => 1 / (1 + Math.Exp(-z));

    [Fact]
    public void Temperature_scaling_recovers_the_overconfidence_and_lowers_ece_on_held_out_data()
    {
        var (logits, labels) = Overconfident(8000, seed: 7);
        var fit = TemperatureScaling.FitBinary(logits[..4000], labels[..4000]);
        Assert.InRange(fit.Temperature, 2.6, 3.4);
        var raw = logits[4000..].Select(Sigmoid).ToArray();
        var calibrated = fit.Sigmoid(logits[4000..]);
        double before = ReliabilityDiagram.Compute(raw, labels[4000..]).Ece;
        double after = ReliabilityDiagram.Compute(calibrated, labels[4000..]).Ece;
        Assert.True(after < before / 2, $"ECE {before:0.0000} before, {after:0.0000} after");
        Assert.True(
            ProbabilityScores.LogLoss(calibrated, labels[4000..]) < ProbabilityScores.LogLoss(raw, labels[4000..])
        );
        // Ranking is untouched.
        Assert.Equal(RocCurve.Compute(raw, labels[4000..]).Auc, RocCurve.Compute(calibrated, labels[4000..]).Auc, 12);
    }

    [Fact]
    public void The_fitted_temperature_is_the_minimum_of_the_multiclass_nll()
    {
        var random = new Generator(3);
        var logits = new double[500][];
        var labels = new int[500];
        for (int i = 0; i < logits.Length; i++)
        {
            logits[i] = [random.NextNormal() * 4, random.NextNormal() * 4, random.NextNormal() * 4];
            labels[i] = random.NextInt(3) == 0 ? random.NextInt(3) : Array.IndexOf(logits[i], logits[i].Max());
        }
        var t = TemperatureScaling.Fit(logits, labels).Temperature;
        double at = TemperatureScaling.NegativeLogLikelihood(logits, labels, t);
        Assert.True(at < TemperatureScaling.NegativeLogLikelihood(logits, labels, t * 1.01));
        Assert.True(at < TemperatureScaling.NegativeLogLikelihood(logits, labels, t / 1.01));
        Assert.True(at < TemperatureScaling.NegativeLogLikelihood(logits, labels, 1));
        var p = new TemperatureScaling(t).Softmax(logits[0]);
        Assert.Equal(1, p.Sum(), 12);
        Assert.Equal(Array.IndexOf(logits[0], logits[0].Max()), Array.IndexOf(p, p.Max()));
    }

    [Fact]
    public void Isotonic_fit_is_pool_adjacent_violators_with_interpolation_between_knots()
    {
        var fit = IsotonicCalibration.Fit([1, 2, 3, 4, 5], [true, false, false, true, true]);
        // 1, 0, 0 violate the order and pool to 1/3; 1, 1 stay.
        Assert.Equal([1.0, 2, 3, 4, 5], fit.Scores);
        Assert.Equal([1.0 / 3, 1.0 / 3, 1.0 / 3, 1, 1], fit.Probabilities);
        Assert.Equal(2.0 / 3, fit.Transform(3.5), 12);
        Assert.Equal(1.0 / 3, fit.Transform(-10), 12); // clipped below the first knot
        Assert.Equal(1, fit.Transform(99), 12);
        // Equal scores are pooled first (one knot, their mean as its value, their count as its weight).
        var ties = IsotonicCalibration.Fit([2, 1, 1, 3], [false, true, false, true]);
        Assert.Equal([1.0, 2, 3], ties.Scores);
        Assert.Equal([1.0 / 3, 1.0 / 3, 1], ties.Probabilities, (a, b) => Math.Abs(a - b) < 1e-12);
    }

    [Fact]
    public void Isotonic_calibration_lowers_ece_on_held_out_data()
    {
        var (logits, labels) = Overconfident(8000, seed: 11);
        var scores = logits.Select(Sigmoid).ToArray();
        var fit = IsotonicCalibration.Fit(scores[..4000], labels[..4000]);
        Assert.True(fit.Probabilities.Zip(fit.Probabilities.Skip(1)).All(p => p.First <= p.Second));
        double before = ReliabilityDiagram.Compute(scores[4000..], labels[4000..]).Ece;
        double after = ReliabilityDiagram.Compute(fit.Transform(scores[4000..]), labels[4000..]).Ece;
        Assert.True(after < before / 2, $"ECE {before:0.0000} before, {after:0.0000} after");
    }

    [Fact]
    public void Calibration_refuses_bad_input_by_index()
    {
        var label = Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([[1.0, 2], [0.5, 0]], [0, 2]));
        Assert.Contains("Label 1 is 2: expected a class in [0, 2)", label.Message);
        var width = Assert.Throws<ArgumentException>(() => TemperatureScaling.Fit([[1.0, 2], [0.5]], [0, 0]));
        Assert.Contains("Logit row 1 has 1 classes", width.Message);
        Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([], []));
        var nan = Assert.Throws<ArgumentException>(() => IsotonicCalibration.Fit([0.1, double.NaN], [true, false]));
        Assert.Contains("Score 1 is NaN", nan.Message);
    }
}
