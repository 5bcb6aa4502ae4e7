using Lib.Workflow;

namespace Lib.Tests.Workflow;

public class RegressionMetricsTests
{
    [Fact]
    public void Metrics_match_hand_computed_values()
    {
        double[] actual = [10, 20, 30, 40];
        double[] predicted = [12, 18, 33, 40];
        var m = RegressionMetrics.Compute(predicted, actual);
        Assert.Equal(4, m.Count);
        Assert.Equal((2 + 2 + 3 + 0) / 4.0, m.Mae, 12);
        Assert.Equal(Math.Sqrt((4 + 4 + 9 + 0) / 4.0), m.Rmse, 12);
        Assert.Equal(1 - 17.0 / 500.0, m.R2, 12); // total sum of squares about 25: 225 + 25 + 25 + 225
        Assert.Equal((2 - 2 + 3 + 0) / 4.0, m.Bias, 12);
        Assert.Equal((20 + 10 + 10 + 0) / 4.0, m.PercentError, 12);
        Assert.Equal(m.Mae, RegressionMetrics.MeanAbsoluteError(predicted, actual));
    }

    [Fact]
    public void Empty_constant_and_zero_truths_give_NaN_where_a_metric_is_undefined()
    {
        var empty = RegressionMetrics.Compute([], []);
        Assert.Equal(0, empty.Count);
        Assert.True(double.IsNaN(empty.Mae));
        var constant = RegressionMetrics.Compute([1, 2], [1, 1]);
        Assert.True(double.IsNaN(constant.R2));
        Assert.Equal(0.5, constant.Mae);
        Assert.True(double.IsNaN(RegressionMetrics.Compute([1], [0]).PercentError));
        Assert.Throws<ArgumentException>(() => RegressionMetrics.Compute([1, 2], [1]));
    }
}
