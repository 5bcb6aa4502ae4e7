using Lib.Workflow;

namespace Lib.Tests.Workflow;

/// <summary>Binary classification metrics against hand-computed classification_report values.</summary>
public class ClassificationMetricsTests
{
    [Fact]
    public void Per_class_and_macro_scores_match_a_hand_computed_report()
    {
        // y_true 0 1 1 0 1 0, y_pred 0 1 0 0 1 1: tp 2, fn 1, fp 1, tn 2
        bool[] actual = [false, true, true, false, true, false];
        bool[] predicted = [false, true, false, false, true, true];
        var m = ClassificationMetrics.Compute(predicted, actual);
        Assert.Equal(6, m.Count);
        Assert.Equal(4 / 6.0, m.Accuracy, 12);
        Assert.Equal(2 / 3.0, m.Precision1, 12);
        Assert.Equal(2 / 3.0, m.Recall1, 12);
        Assert.Equal(2 / 3.0, m.F1Class1, 12);
        Assert.Equal(2 / 3.0, m.F1Class0, 12);
        Assert.Equal(2 / 3.0, m.MacroF1, 12);
    }

    [Fact]
    public void A_class_never_predicted_scores_zero_not_nan()
    {
        var m = ClassificationMetrics.Compute([false, false, false], [true, false, false]);
        Assert.Equal(0, m.Precision1);
        Assert.Equal(0, m.F1Class1);
        Assert.Equal(0.8, m.F1Class0, 12); // p0 2/3, r0 1
        Assert.Throws<ArgumentException>(() => ClassificationMetrics.Compute([true], [true, false]));
    }
}
