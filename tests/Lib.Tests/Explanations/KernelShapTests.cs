using Lib.Explanations;
using Lib.Tensors;

namespace Lib.Tests.Explanations;

public class KernelShapTests
{
    private static double[][] Matrix(int rows, int columns, long seed)
    {
        var random = new Generator(seed);
        return [.. Enumerable.Range(0, rows).Select(_ => Enumerable.Range(0, columns).Select(_ => random.NextNormal() * 2 + 1).ToArray())];
    }

    private static string[] Names(int m) => [.. Enumerable.Range(0, m).Select(j => $"x{j}")];

    private static Func<double[][], double[]> Linear(double[] w, double bias) =>
        rows => [.. rows.Select(r => bias + r.Zip(w, (x, wj) => x * wj).Sum())];

    /// <summary>For a linear model and independent features, φ_j = w_j (x_j − mean of the background's column j).</summary>
    private static void AssertLinearShap(ShapExplanation explanation, KernelShap explainer, double[] w)
    {
        for (int i = 0; i < explanation.Rows.Count; i++)
            for (int j = 0; j < w.Length; j++)
            {
                double mean = explainer.Background.Average(b => b[j]);
                Assert.Equal(w[j] * (explanation.Rows[i][j] - mean), explanation.Values[i][j], 9);
            }
    }

    [Fact]
    public void Linear_model_with_enumerated_coalitions_gives_the_exact_values()
    {
        double[] w = [1.5, -2, 0, 0.25, 3];
        var background = Matrix(40, 5, seed: 1);
        var explainer = new KernelShap(Linear(w, 4), background, Names(5), backgroundSize: 40);
        var explanation = explainer.Explain(Matrix(6, 5, seed: 2));
        AssertLinearShap(explanation, explainer, w);
        Assert.All(explanation.Values, v => Assert.Equal(0, v[2], 12)); // the ignored feature gets nothing
        for (int i = 0; i < 6; i++)
            Assert.Equal(explanation.Predictions[i], explanation.BaseValue + explanation.Values[i].Sum(), 9);
    }

    [Fact]
    public void Linear_model_with_sampled_coalitions_above_the_exact_limit_gives_the_exact_values()
    {
        var random = new Generator(5);
        var w = Enumerable.Range(0, 16).Select(_ => random.NextNormal()).ToArray();
        var background = Matrix(300, 16, seed: 3);
        var explainer = new KernelShap(Linear(w, -1), background, Names(16), backgroundSize: 50, seed: 9, samples: 400);
        Assert.Equal(50, explainer.Background.Count); // a seeded sample of the 300 rows
        var explanation = explainer.Explain(Matrix(3, 16, seed: 4));
        AssertLinearShap(explanation, explainer, w);
        var again = new KernelShap(Linear(w, -1), background, Names(16), backgroundSize: 50, seed: 9, samples: 400);
        Assert.Equal(explainer.Background, again.Background); // the same seed draws the same sample
    }

    [Fact]
    public void Enumeration_matches_the_shapley_formula_on_a_model_with_interactions()
    {
        Func<double[][], double[]> f = rows => [.. rows.Select(r => r[0] * r[1] * r[2] + Math.Exp(Math.Tanh(r[3] * r[1] * r[0])) + Math.Sin(r[2]))];
        var background = Matrix(12, 4, seed: 6);
        var explainer = new KernelShap(f, background, Names(4));
        var x = Matrix(2, 4, seed: 8);
        var explanation = explainer.Explain(x);
        for (int i = 0; i < x.Length; i++)
        {
            double V(int set) =>
                f([.. background.Select(b => Enumerable.Range(0, 4).Select(j => (set >> j & 1) == 1 ? x[i][j] : b[j]).ToArray())]).Average();
            for (int j = 0; j < 4; j++)
            {
                double phi = 0;
                for (int set = 0; set < 16; set++)
                {
                    if ((set >> j & 1) == 1)
                        continue;
                    int size = System.Numerics.BitOperations.PopCount((uint)set);
                    phi += Factorial(size) * Factorial(4 - size - 1) / Factorial(4) * (V(set | 1 << j) - V(set));
                }
                Assert.Equal(phi, explanation.Values[i][j], 9);
            }
        }
    }

    private static double Factorial(int n) => n <= 1 ? 1 : n * Factorial(n - 1);

    [Fact]
    public void The_beeswarm_puts_the_most_important_feature_on_top_coloured_by_value()
    {
        double[] w = [0.1, 5, -1];
        var explainer = new KernelShap(Linear(w, 0), Matrix(20, 3, seed: 1), ["small", "big", "middle"]);
        var explanation = explainer.Explain(Matrix(10, 3, seed: 2));
        var chart = ExplanationCharts.Beeswarm(explanation);
        var traces = Charts.PlotlyFigure.Traces(chart);
        Assert.Equal(["big", "middle", "small"], traces.Select(t => (string)t!["name"]!));
        Assert.Equal(explanation.Values.Select(v => v[1]), Charts.PlotlyFigure.Numbers(traces[0]!, "x"));
        Assert.All(Charts.PlotlyFigure.Numbers(traces[0]!, "y"), y => Assert.InRange(y, 1.7, 2.3));
        var colours = Charts.PlotlyFigure.Numbers(traces[0]!["marker"]!, "color");
        Assert.Equal(0, colours.Min());
        Assert.Equal(1, colours.Max());
        var yaxis = Charts.PlotlyFigure.Layout(chart)["yaxis"]!;
        Assert.Equal(["small", "middle", "big"], yaxis["ticktext"]!.AsArray().Select(t => (string)t!));
        var table = explanation.ToDataFrame();
        Assert.Equal(30, table.Rows.Count);
        Assert.Equal(["row", "feature", "value", "shap"], table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void Bad_rows_are_named()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            new KernelShap(Linear([1, 2], 0), [[1.0, 2], [3.0]], ["a", "b"]));
        Assert.Contains("Row 1 of background has 1 values: expected 2", error.Message);
        var explainer = new KernelShap(Linear([1, 2], 0), [[1.0, 2]], ["a", "b"]);
        Assert.Throws<ArgumentException>(() => explainer.Explain([[1.0, 2, 3]]));
        var wrong = new KernelShap(_ => [1.0], [[1.0, 2]], ["a", "b"]);
        Assert.Throws<InvalidOperationException>(() => wrong.Explain([[1.0, 2], [2.0, 1]]));
    }
}
