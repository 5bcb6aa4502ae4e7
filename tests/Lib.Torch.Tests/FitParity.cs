using Lib.Tensors.Training;
using Xunit.Abstractions;

namespace Lib.Torch.Tests;

/// <summary>Comparisons of two training histories: an engine run against a twin run, or a resumed run against an
/// uninterrupted one.</summary>
internal static class FitParity
{
    /// <summary>
    /// Asserts that both runs have the same epochs and that every epoch's training loss and every validation metric
    /// agree within <paramref name="relative"/> of the engine's value (at least 1 in scale), logging the worst.
    /// </summary>
    public static void Close(TrainingHistory engine, TrainingHistory twin, double relative, string what, ITestOutputHelper log)
    {
        Assert.Equal(engine.Epochs.Count, twin.Epochs.Count);
        double worst = 0;
        string worstName = "";
        for (int e = 0; e < engine.Epochs.Count; e++)
        {
            var (a, b) = (engine.Epochs[e], twin.Epochs[e]);
            Assert.Equal(a.Metrics.Keys.Order(), b.Metrics.Keys.Order());
            foreach (var (name, x, y) in a.Metrics.Select(m => (m.Key, m.Value, b.Metrics[m.Key])).Prepend((EpochRecord.TrainLossName, a.TrainLoss, b.TrainLoss)))
            {
                if (double.IsNaN(x) && double.IsNaN(y))
                    continue;
                double diff = Math.Abs(x - y) / Math.Max(1.0, Math.Abs(x));
                log.WriteLine($"{what} epoch {e} {name}: engine {x:G9}, twin {y:G9}, relative difference {diff:G3}");
                if (diff > worst)
                    (worst, worstName) = (diff, $"epoch {e} {name}");
                Assert.True(diff <= relative, $"{what}: epoch {e} {name}: engine {x:G9}, twin {y:G9} ({diff:G3} > {relative:G3})");
            }
            Assert.Equal(a.LearningRate, b.LearningRate, 12);
        }
        log.WriteLine($"{what}: worst relative difference {worst:G3} ({worstName})");
    }

    /// <summary>Asserts that a resumed run's history equals the uninterrupted one's (losses, metrics, learning rates,
    /// to 1e-6 relative: the same float32 computations in the same order).</summary>
    public static void Resumed(TrainingHistory uninterrupted, TrainingHistory resumed, ITestOutputHelper log)
    {
        Assert.Equal(uninterrupted.Epochs.Count, resumed.Epochs.Count);
        for (int e = 0; e < uninterrupted.Epochs.Count; e++)
        {
            var (a, b) = (uninterrupted.Epochs[e], resumed.Epochs[e]);
            log.WriteLine($"epoch {e}: train_loss uninterrupted {a.TrainLoss:G9}, resumed {b.TrainLoss:G9}");
            Assert.Equal(a.TrainLoss, b.TrainLoss, 6);
            Assert.Equal(a.LearningRate, b.LearningRate, 12);
            Assert.Equal(a.Metrics.Keys.Order(), b.Metrics.Keys.Order());
            foreach (var (name, value) in a.Metrics)
                if (!double.IsNaN(value))
                    Assert.True(Math.Abs(value - b.Metrics[name]) <= 1e-6 * Math.Max(1, Math.Abs(value)), $"epoch {e} {name}: {value:G9} vs {b.Metrics[name]:G9}");
        }
    }
}
