using Lib.Explanations;
using Lib.Tensors;

namespace Lib.Tests.Explanations;

public class PermutationImportanceTests
{
    private static (double[][] Rows, double[] Targets) Data(int n, long seed)
    {
        var random = new Generator(seed);
        var rows = Enumerable.Range(0, n).Select(_ => new[] { random.NextNormal(), random.NextNormal(), random.NextNormal() }).ToArray();
        return (rows, [.. rows.Select(r => 3 * r[0] + r[1] + 0.1 * random.NextNormal())]);
    }

    /// <summary>The true model: feature 2 is irrelevant to it.</summary>
    private static double[] Model(double[][] rows) => [.. rows.Select(r => 3 * r[0] + r[1])];

    [Fact]
    public void An_ignored_feature_gets_zero_and_the_strong_one_ranks_first()
    {
        var (rows, targets) = Data(400, seed: 1);
        var result = PermutationImportance.Compute(Model, rows, targets, ["strong", "weak", "noise"], repeats: 5, seed: 3);
        Assert.InRange(result.BaselineLoss, 0.05, 0.12); // the noise's MAE, 0.1 · √(2/π)
        Assert.Equal(0, result.Features[2].Mean); // the model never reads it: shuffling changes nothing
        Assert.Equal(0, result.Features[2].StandardDeviation);
        Assert.True(result.Features[0].Mean > 2 * result.Features[1].Mean);
        Assert.True(result.Features[1].Mean > 0.3);
        Assert.Equal(5, result.Features[0].Rises.Count);
        Assert.Equal(["strong", "weak", "noise"], result.ToDataFrame().Columns["feature"].Cast<string>());
        Assert.Equal(rows, Data(400, seed: 1).Rows); // the caller's matrix is not changed
    }

    [Fact]
    public void A_fitted_model_that_leans_a_little_on_noise_gets_about_zero()
    {
        var (rows, targets) = Data(400, seed: 2);
        double[] Fitted(double[][] x) => [.. x.Select(r => 3 * r[0] + r[1] + 0.01 * r[2])];
        var result = PermutationImportance.Compute(Fitted, rows, targets, ["strong", "weak", "noise"], seed: 4);
        Assert.InRange(result.Features[2].Mean, -0.01, 0.01);
    }

    [Fact]
    public void The_same_seed_repeats_and_another_differs()
    {
        var (rows, targets) = Data(100, seed: 1);
        string[] names = ["a", "b", "c"];
        var one = PermutationImportance.Compute(Model, rows, targets, names, seed: 1);
        var two = PermutationImportance.Compute(Model, rows, targets, names, seed: 1);
        var three = PermutationImportance.Compute(Model, rows, targets, names, seed: 2);
        Assert.Equal(one.Features[0].Rises, two.Features[0].Rises);
        Assert.NotEqual(one.Features[0].Rises, three.Features[0].Rises);
    }

    [Fact]
    public void A_custom_loss_and_the_chart()
    {
        var (rows, targets) = Data(100, seed: 1);
        var result = PermutationImportance.Compute(Model, rows, targets, ["a", "b", "c"],
            loss: (p, y) => p.Zip(y, (a, b) => (a - b) * (a - b)).Average(), repeats: 2);
        var chart = ExplanationCharts.Importance(result);
        var bar = Assert.Single(Charts.PlotlyFigure.Traces(chart))!;
        Assert.Equal(["c", "b", "a"], bar["y"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(3, bar["error_x"]!["array"]!.AsArray().Count);
    }

    [Fact]
    public void Bad_input_is_named()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            PermutationImportance.Compute(Model, [[1.0, 2, 3], [1.0, 2]], [1, 2], ["a", "b", "c"]));
        Assert.Contains("Row 1 of rows has 2 values: expected 3", error.Message);
        var targets = Assert.Throws<ArgumentException>(() =>
            PermutationImportance.Compute(Model, [[1.0, 2, 3]], [1, 2], ["a", "b", "c"]));
        Assert.Contains("2 targets for 1 rows", targets.Message);
    }
}
