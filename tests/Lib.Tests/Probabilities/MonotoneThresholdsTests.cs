using Lib.Probabilities;

namespace Lib.Tests.Probabilities;

public class MonotoneThresholdsTests
{
    private static readonly double[][] Rows = [[0.9, 0.95, 0.5], [0.2, 0.3, 0.4], [0.8, 0.6, 0.1]];

    [Fact]
    public void Cumulative_min_lowers_later_thresholds_only()
    {
        var fixedRows = MonotoneThresholds.CumulativeMin(Rows);
        Assert.Equal([0.9, 0.9, 0.5], fixedRows[0]);
        Assert.Equal([0.2, 0.2, 0.2], fixedRows[1]);
        Assert.Equal(Rows[2], fixedRows[2]);
        Assert.True(MonotoneThresholds.IsMonotone(fixedRows));
        Assert.False(MonotoneThresholds.IsMonotone(Rows));
        Assert.Equal(0.95, Rows[0][1]); // the input is not changed
    }

    [Fact]
    public void Isotonic_meets_violators_at_their_mean()
    {
        var fixedRows = MonotoneThresholds.Isotonic(Rows);
        Assert.Equal([0.925, 0.925, 0.5], fixedRows[0].Select(p => Math.Round(p, 12)));
        Assert.Equal([0.3, 0.3, 0.3], fixedRows[1].Select(p => Math.Round(p, 12)));
        Assert.Equal(Rows[2], fixedRows[2]);
        Assert.True(MonotoneThresholds.IsMonotone(fixedRows));
    }

    [Fact]
    public void Bad_rows_are_named()
    {
        var width = Assert.Throws<ArgumentException>(() => MonotoneThresholds.Isotonic([[0.5, 0.4], [0.3]]));
        Assert.Contains("Sample 1 has 1 thresholds: expected 2", width.Message);
        var range = Assert.Throws<ArgumentException>(() => MonotoneThresholds.CumulativeMin([[0.5, 1.4]]));
        Assert.Contains("Sample 0, threshold 1: probability 1.4", range.Message);
    }
}
