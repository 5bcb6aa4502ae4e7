using Lib.Probabilities;

namespace Lib.Tests.Probabilities;

/// <summary>
/// The metrics against scikit-learn's documented examples and formulas computed by hand (sklearn is not installed
/// beside the oracle's torch, so the values are written out with their derivation).
/// </summary>
public class ProbabilityMetricsTests
{
    // sklearn's roc_curve / precision_recall_curve docstring example.
    private static readonly bool[] Labels = [false, false, true, true];
    private static readonly double[] Scores = [0.1, 0.4, 0.35, 0.8];

    [Fact]
    public void Brier_score_is_sklearns_docstring_value()
    {
        // brier_score_loss([0, 1, 1, 0], [0.1, 0.9, 0.8, 0.3]) = (0.01 + 0.01 + 0.04 + 0.09) / 4
        Assert.Equal(0.0375, ProbabilityScores.Brier([0.1, 0.9, 0.8, 0.3], [false, true, true, false]), 12);
    }

    [Fact]
    public void Log_loss_is_sklearns_docstring_value_and_clips_certain_mistakes()
    {
        // log_loss(["spam", "ham", "ham", "spam"], [[.1, .9], [.9, .1], [.8, .2], [.35, .65]]) = 0.21616...
        double expected = -(Math.Log(0.9) + Math.Log(0.9) + Math.Log(0.8) + Math.Log(0.65)) / 4;
        Assert.Equal(expected, ProbabilityScores.LogLoss([0.9, 0.1, 0.2, 0.65], [true, false, false, true]), 12);
        Assert.Equal(0.21616187468057912, expected, 12);
        Assert.Equal(-Math.Log(1e-15), ProbabilityScores.LogLoss([0.0], [true]), 9);
    }

    [Fact]
    public void Roc_curve_and_auc_are_sklearns_docstring_values()
    {
        var roc = RocCurve.Compute(Scores, Labels);
        Assert.Equal([0, 0, 0.5, 0.5, 1], roc.FalsePositiveRate);
        Assert.Equal([0, 0.5, 0.5, 1, 1], roc.TruePositiveRate);
        Assert.Equal([double.PositiveInfinity, 0.8, 0.4, 0.35, 0.1], roc.Thresholds);
        Assert.Equal(0.75, roc.Auc, 12);
    }

    [Fact]
    public void Precision_recall_and_average_precision_are_sklearns_docstring_values()
    {
        var pr = PrecisionRecallCurve.Compute(Scores, Labels);
        // sklearn lists them from the lowest threshold: precision [0.5, 0.667, 0.5, 1, 1], recall [1, 1, 0.5, 0.5, 0]
        Assert.Equal([1, 1, 0.5, 2.0 / 3, 0.5], pr.Precision.Select(p => Math.Round(p, 12)), new Near());
        Assert.Equal([0, 0.5, 0.5, 1, 1], pr.Recall);
        // average_precision_score = 0.5 * 1 + 0 * 0.5 + 0.5 * 2/3 = 0.8333...
        Assert.Equal(0.5 + 1.0 / 3, pr.AveragePrecision, 12);
    }

    [Fact]
    public void Tied_scores_are_one_threshold()
    {
        bool[] labels = [true, false, true, false];
        double[] scores = [0.5, 0.5, 0.5, 0.5];
        var roc = RocCurve.Compute(scores, labels);
        Assert.Equal([0.0, 1], roc.FalsePositiveRate);
        Assert.Equal(0.5, roc.Auc, 12);
        Assert.Equal(0.5, PrecisionRecallCurve.Compute(scores, labels).AveragePrecision, 12);
        // A perfect ranking: AUC and AP are 1.
        Assert.Equal(1, RocCurve.Compute([0.9, 0.1, 0.8, 0.2], labels).Auc, 12);
        Assert.Equal(1, PrecisionRecallCurve.Compute([0.9, 0.1, 0.8, 0.2], labels).AveragePrecision, 12);
    }

    [Fact]
    public void Ece_is_the_count_weighted_gap_per_equal_width_bin()
    {
        var diagram = ReliabilityDiagram.Compute([0.05, 0.15, 0.95, 0.9], [false, true, true, true]);
        Assert.Equal(10, diagram.Bins.Count);
        Assert.Equal((0.05 + 0.85 + 2 * 0.075) / 4, diagram.Ece, 12);
        Assert.Equal([1, 1, 0, 0, 0, 0, 0, 0, 0, 2], diagram.Bins.Select(b => b.Count));
        Assert.Equal(0.925, diagram.Bins[9].MeanProbability, 12);
        Assert.True(double.IsNaN(diagram.Bins[5].MeanProbability));
    }

    [Fact]
    public void An_edge_probability_goes_to_the_bin_above_and_one_to_the_last()
    {
        var diagram = ReliabilityDiagram.Compute([0.1, 0.3, 0.7, 1.0, 0.0], [true, true, true, true, true]);
        Assert.Equal([1, 1, 0, 1, 0, 0, 0, 1, 0, 1], diagram.Bins.Select(b => b.Count));
    }

    [Fact]
    public void Compute_gathers_every_metric_and_empty_input_is_nan()
    {
        var m = ProbabilityMetrics.Compute(Scores, Labels);
        Assert.Equal(4, m.Count);
        Assert.Equal(ProbabilityScores.Brier(Scores, Labels), m.Brier);
        Assert.Equal(ProbabilityScores.LogLoss(Scores, Labels), m.LogLoss);
        Assert.Equal(ReliabilityDiagram.Compute(Scores, Labels).Ece, m.Ece);
        Assert.Equal(0.75, m.RocAuc, 12);
        Assert.Equal(0.5 + 1.0 / 3, m.AveragePrecision, 12);
        var empty = ProbabilityMetrics.Compute([], []);
        Assert.Equal(0, empty.Count);
        Assert.True(double.IsNaN(empty.Brier) && double.IsNaN(empty.RocAuc));
        Assert.True(double.IsNaN(ProbabilityMetrics.Compute([0.3, 0.6], [true, true]).RocAuc));
    }

    [Fact]
    public void Bad_input_names_the_sample_and_what_was_expected()
    {
        var range = Assert.Throws<ArgumentException>(() => ProbabilityMetrics.Compute([0.2, 1.5], [true, false]));
        Assert.Contains("Probability 1 is 1.5: expected a value in [0, 1]", range.Message);
        var length = Assert.Throws<ArgumentException>(() => ProbabilityScores.Brier([0.2], [true, false]));
        Assert.Contains("1 probabilities for 2 labels", length.Message);
        var nan = Assert.Throws<ArgumentException>(() => RocCurve.Compute([0.2, double.NaN], [true, false]));
        Assert.Contains("Score 1 is NaN", nan.Message);
    }

    private sealed class Near : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) < 1e-12;
        public int GetHashCode(double obj) => 0;
    }
}
