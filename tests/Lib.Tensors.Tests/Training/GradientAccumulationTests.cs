using Lib.Tensors.Autograd;
using Lib.Tensors.Optim;
using Lib.Tensors.Training;

namespace Lib.Tensors.Tests.Training;

public class GradientAccumulationTests
{
    private static (LinearRegression Model, TrainingHistory History) Fit(int batchSize, int accumulate, int samples = 32, double momentum = 0)
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), lr: 0.05, momentum: momentum), b => LinearRegression.Mse(model.Call(b[0]), b[1]))
        {
            MaxEpochs = 3,
            AccumulateGradBatches = accumulate,
        };
        var history = trainer.Fit(TinyData.Loader(TinyData.Make(samples, 7), batchSize, shuffleSeed: null));
        return (model, history);
    }

    [Fact]
    public void Two_accumulated_batches_of_b_equal_one_batch_of_2b_for_SGD_on_a_mean_loss()
    {
        var (accumulated, historyA) = Fit(batchSize: 4, accumulate: 2);
        var (whole, historyW) = Fit(batchSize: 8, accumulate: 1);
        var (plain, _) = Fit(batchSize: 4, accumulate: 1);

        Assert.Equal(whole.Weight.ToArray(), accumulated.Weight.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
        Assert.Equal(whole.Bias[0], accumulated.Bias[0], 5);
        Assert.Equal(historyW.Epochs.Select(e => e.Step), historyA.Epochs.Select(e => e.Step)); // 4 steps an epoch
        Assert.Equal(12L, historyA.Epochs[^1].Step);
        // Without accumulation, batches of 4 take twice the steps and land elsewhere: the comparison can fail.
        Assert.True(Math.Abs(plain.Weight[0, 0] - whole.Weight[0, 0]) > 1e-3f);
        // train_loss is the unscaled mean loss (the same samples, so the first epoch's first-batch losses agree).
        Assert.True(historyA.TrainLoss[0] > 0);
    }

    [Fact]
    public void With_momentum_accumulation_matches_the_larger_batch_too()
    {
        var (accumulated, _) = Fit(batchSize: 4, accumulate: 4, momentum: 0.9);
        var (whole, _) = Fit(batchSize: 16, accumulate: 1, momentum: 0.9);
        Assert.Equal(whole.Weight.ToArray(), accumulated.Weight.ToArray(), (a, b) => Math.Abs(a - b) < 1e-5f);
    }

    [Fact]
    public void The_optimizer_also_steps_at_the_end_of_an_epoch_whose_batches_do_not_fill_the_last_window()
    {
        var (_, history) = Fit(batchSize: 4, accumulate: 2, samples: 20); // 5 batches: steps after 2, 4 and 5
        Assert.Equal([3L, 6L, 9L], history.Epochs.Select(e => e.Step));
    }

    [Fact]
    public void An_accumulation_below_one_is_refused()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Fit(batchSize: 4, accumulate: 0));
        Assert.Contains("AccumulateGradBatches must be at least 1", e.Message);
    }
}
