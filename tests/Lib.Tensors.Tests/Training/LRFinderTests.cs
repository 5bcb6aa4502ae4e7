using Lib.Tensors.Optim;
using Lib.Tensors.Training;

namespace Lib.Tensors.Tests.Training;

public class LRFinderTests
{
    private static LRFinder<Tensor[]> Finder(LinearRegression model, Optimizer optimizer) =>
        new(model, optimizer, b => LinearRegression.Mse(model.Call(b[0]), b[1]));

    [Fact]
    public void On_a_tiny_regression_it_suggests_a_sane_rate_stops_on_divergence_and_restores_everything()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var sgd = new SGD(model.Parameters(), lr: 0.05, momentum: 0.5);
        // One real step first, so the optimizer has momentum state the test must put back.
        sgd.ZeroGrad();
        var (x, y) = (TinyData.Make(8, 2).Tensors[0], TinyData.Make(8, 2).Tensors[1]);
        LinearRegression.Mse(model.Call(x), y).Backward();
        sgd.Step();
        model.Eval();
        var weights = model.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
        var state = sgd.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());

        var result = Finder(model, sgd).RangeTest(TinyData.Loader(TinyData.Make(512, 7), 128, shuffleSeed: 3),
            startLr: 1e-5, endLr: 100, steps: 100);

        // With unit-variance features the MSE's curvature is about 2, so SGD diverges above lr ≈ 1 and learns
        // fastest a decade or so below it; the suggestion must lie in between, not at either end.
        Assert.True(result.Diverged, "SGD at lr 100 must diverge on this problem");
        Assert.True(result.LearningRates.Count < 100, $"{result.LearningRates.Count} steps");
        Assert.InRange(result.SuggestedLearningRate, 1e-3, 1.0);
        Assert.InRange(result.MinimumLossLearningRate, result.SuggestedLearningRate, 10);
        Assert.True(result.Losses.Min() < 0.01 * result.Losses[0],
            $"the loss should fall: {result.Losses[0]} → {result.Losses.Min()}");
        Assert.True(result.SmoothedLosses.Min() < 0.5 * result.SmoothedLosses[0]);
        Assert.Equal(1e-5, result.LearningRates[0], 12);
        for (int i = 1; i < result.LearningRates.Count; i++)
            Assert.Equal(Math.Pow(100 / 1e-5, 1.0 / 99), result.LearningRates[i] / result.LearningRates[i - 1], 9);
        Assert.Equal(result.LearningRates.Count, result.Losses.Count);

        foreach (var (key, tensor) in model.StateDict())
            Assert.Equal(weights[key], tensor.ToArray());
        Assert.Equal(state.Keys.Order(), sgd.StateDict().Keys.Order());
        foreach (var (key, tensor) in sgd.StateDict())
            Assert.Equal(state[key], tensor.ToArray());
        Assert.Equal(0.05, sgd.LearningRate);
        Assert.False(model.Training);
        Assert.All(model.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void The_smoothed_loss_is_the_bias_corrected_exponential_average_and_short_loaders_are_cycled()
    {
        var model = new LinearRegression(new Generator(4), 2);
        var result = Finder(model, new SGD(model.Parameters(), lr: 0.1))
            .RangeTest(TinyData.Loader(TinyData.Make(12, 5), 4, null), startLr: 1e-6, endLr: 1e-3, steps: 10,
                smoothing: 0.3);

        Assert.Equal(10, result.LearningRates.Count); // 3 batches per epoch, cycled over 4 epochs
        Assert.False(result.Diverged);
        double average = 0;
        for (int i = 0; i < 10; i++)
        {
            average = 0.7 * average + 0.3 * result.Losses[i];
            Assert.Equal(average / (1 - Math.Pow(0.7, i + 1)), result.SmoothedLosses[i], 12);
        }
        Assert.Equal(1e-3, result.LearningRates[^1], 12);
    }

    [Fact]
    public void Cancelling_restores_the_weights_and_bad_arguments_are_refused()
    {
        var model = new LinearRegression(new Generator(4), 2);
        var before = model.Weight.ToArray();
        using var cts = new CancellationTokenSource();
        int calls = 0;
        var finder = new LRFinder<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.1), b =>
        {
            if (++calls == 3)
                cts.Cancel();
            return LinearRegression.Mse(model.Call(b[0]), b[1]);
        });
        var loader = TinyData.Loader(TinyData.Make(64, 5), 4, null);
        Assert.Throws<OperationCanceledException>(() => finder.RangeTest(loader, cancellationToken: cts.Token));
        Assert.Equal(3, calls);
        Assert.Equal(before, model.Weight.ToArray());

        Assert.Throws<ArgumentException>(() => finder.RangeTest(loader, startLr: 1, endLr: 0.1));
        Assert.Throws<ArgumentException>(() => finder.RangeTest(loader, startLr: 0));
        Assert.Throws<ArgumentException>(() => finder.RangeTest(loader, steps: 2));
        Assert.Throws<ArgumentException>(() => finder.RangeTest(loader, smoothing: 0));
        Assert.Throws<ArgumentException>(() => finder.RangeTest(loader, divergeThreshold: 1));
    }
}
