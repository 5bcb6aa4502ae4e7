using Lib.Tensors.Optim.Schedulers;
using Lib.Tensors.Optim;
using Lib.Tensors.Autograd;
using Lib.Tensors.Data;
using Lib.Tensors.Training;

namespace Lib.Tensors.Tests.Training;

public class TrainerTests
{
    private static Trainer<Tensor[]> Make(LinearRegression model, SGD sgd) =>
        new(model, sgd, b => LinearRegression.Mse(model.Call(b[0]), b[1]));

    private static IReadOnlyDictionary<string, double> ValLoss(LinearRegression model, Tensor[] b) =>
        new Dictionary<string, double> { ["val_loss"] = LinearRegression.Mse(model.Call(b[0]), b[1]).Item() };

    [Fact]
    public void Training_a_linear_regression_decreases_the_loss_and_finds_the_weights()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = Make(model, new SGD(model.Parameters(), lr: 0.1));
        trainer.MaxEpochs = 15;
        var history = trainer.Fit(TinyData.Loader(TinyData.Make(64, 7), 8, shuffleSeed: 3));

        Assert.Equal(15, history.Epochs.Count);
        Assert.Equal(Enumerable.Range(0, 15), history.Epochs.Select(e => e.Epoch));
        Assert.True(history.TrainLoss[^1] < history.TrainLoss[0] * 0.01, $"loss {history.TrainLoss[0]} → {history.TrainLoss[^1]}");
        Assert.Equal(2f, model.Weight[0, 0], 0.05f);
        Assert.Equal(-3f, model.Weight[1, 0], 0.05f);
        Assert.Equal(0.5f, model.Bias[0], 0.05f);
        Assert.Equal(15L * 8, history.Epochs[^1].Step);
        Assert.All(history.LearningRates, lr => Assert.Equal(0.1, lr));
        Assert.False(history.StoppedEarly);
    }

    [Fact]
    public void Validation_runs_in_eval_mode_without_grad_and_weights_metrics_by_batch_size()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = Make(model, new SGD(model.Parameters(), lr: 0.0)); // lr 0: the model stays fixed
        var val = TinyData.Make(7, 9);
        trainer.MaxEpochs = 1;
        trainer.ValidationStep = b =>
        {
            model.Call(b[0]);
            return new Dictionary<string, double> { ["mean_y"] = b[1].Mean().Item() };
        };
        var history = trainer.Fit(TinyData.Loader(TinyData.Make(8, 1), 4, null), TinyData.Loader(val, 3, null)); // val batches of 3, 3, 1

        Assert.Equal([(true, true), (true, true), (false, false), (false, false), (false, false)], model.Calls);
        Assert.True(model.Training);
        Assert.True(GradMode.IsEnabled);
        double expected = val.Tensors[1].ToArray().Average();
        Assert.Equal(expected, history.Epochs[0].Metrics["mean_y"], 5);
    }

    private static TrainingHistory FitScripted(double[] script, EarlyStopping early, string? checkpointDir = null, Action<int, LinearRegression>? atEpochEnd = null,
        bool restoreBest = false, LinearRegression? model = null)
    {
        model ??= new LinearRegression(new Generator(1), 2);
        var trainer = Make(model, new SGD(model.Parameters(), lr: 0.05));
        trainer.RestoreBestWeights = restoreBest;
        int epoch = 0;
        trainer.MaxEpochs = script.Length;
        trainer.Validate = _ => new Dictionary<string, double> { ["score"] = script[epoch++] };
        trainer.EarlyStopping = early;
        if (checkpointDir is not null) trainer.Checkpoints = new CheckpointOptions(checkpointDir) { Monitor = "score", Mode = early.Mode };
        if (atEpochEnd is not null) trainer.Callbacks.Add(new LambdaCallback { EpochEnd = c => atEpochEnd(c.Epoch, model) });
        var data = TinyData.Make(16, 2);
        return trainer.Fit(TinyData.Loader(data, 8, null), TinyData.Loader(data, 8, null));
    }

    [Fact]
    public void Early_stopping_stops_after_patience_epochs_without_an_improvement_larger_than_minDelta()
    {
        double[] script = [5, 4, 3, 2.99, 3.5, 1.0, 0.5];
        // 2.99 is not below 3 − 0.05: epochs 3 and 4 do not improve → stop after epoch 4.
        var stopped = FitScripted(script, new EarlyStopping("score", patience: 2, minDelta: 0.05));
        Assert.Equal(5, stopped.Epochs.Count);
        Assert.True(stopped.StoppedEarly);
        Assert.Equal(3, stopped.BestEpoch); // the best value is tracked strictly; minDelta only governs patience

        // Without the margin 2.99 counts, epoch 5 improves again, and the run reaches its end.
        var full = FitScripted(script, new EarlyStopping("score", patience: 2));
        Assert.Equal(7, full.Epochs.Count);
        Assert.False(full.StoppedEarly);
        Assert.Equal(6, full.BestEpoch);

        // Max mode: higher is better.
        var max = FitScripted([1, 2, 2, 1, 3], new EarlyStopping("score", MetricMode.Max, patience: 2));
        Assert.Equal(4, max.Epochs.Count);
        Assert.Equal(1, max.BestEpoch);
    }

    [Fact]
    public void Restoring_the_best_weights_ends_with_the_best_epochs_weights_not_the_last()
    {
        var weights = new Dictionary<int, (float[] Weight, float[] Bias)>();
        void Record(int e, LinearRegression m) => weights[e] = (m.Weight.ToArray(), m.Bias.ToArray());
        var kept = new LinearRegression(new Generator(1), 2);
        var history = FitScripted([3, 1, 2, 4], new EarlyStopping("score", patience: 10), atEpochEnd: Record, restoreBest: true, model: kept);
        Assert.Equal(1, history.BestEpoch);
        Assert.NotEqual(weights[3].Weight, weights[1].Weight);
        Assert.Equal(weights[1].Weight, kept.Weight.ToArray());
        Assert.Equal(weights[1].Bias, kept.Bias.ToArray());
        Assert.True(kept.Weight.RequiresGrad); // loaded into the parameters, which stay parameters

        var last = new LinearRegression(new Generator(1), 2);
        FitScripted([3, 1, 2, 4], new EarlyStopping("score", patience: 10), model: last); // off: the last epoch's weights
        Assert.Equal(weights[3].Weight, last.Weight.ToArray());

        var model = new LinearRegression(new Generator(1), 2);
        var trainer = Make(model, new SGD(model.Parameters(), lr: 0.05));
        trainer.RestoreBestWeights = true;
        var error = Assert.Throws<InvalidOperationException>(() => trainer.Fit(TinyData.Loader(TinyData.Make(8, 2), 8, null)));
        Assert.Contains("monitored metric", error.Message);
    }

    [Fact]
    public void Early_stopping_validates_its_arguments()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping("x", patience: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new EarlyStopping("x", minDelta: -1));
        Assert.Throws<ArgumentException>(() => new EarlyStopping(" "));
    }

    [Fact]
    public void The_best_checkpoint_holds_the_best_epoch_and_its_weights_and_last_holds_the_last()
    {
        var dir = Directory.CreateTempSubdirectory("lab-train-").FullName;
        try
        {
            var weights = new Dictionary<int, float[]>();
            var history = FitScripted([3, 1, 2, 4], new EarlyStopping("score", patience: 10), dir, (e, m) => weights[e] = m.Weight.ToArray());

            var best = TrainingCheckpoint.Load(Path.Combine(dir, "best.safetensors"));
            Assert.Equal(1, best.Epoch);
            Assert.Equal(1.0, best.Metrics["score"]);
            Assert.True(best.Metrics.ContainsKey("train_loss"));
            Assert.Equal(weights[1], best.ModelState["weight"].ToArray());
            Assert.NotEqual(weights[3], weights[1]);

            var last = TrainingCheckpoint.Load(Path.Combine(dir, "last.safetensors"));
            Assert.Equal(3, last.Epoch);
            Assert.Equal(4.0, last.Metrics["score"]);
            Assert.Equal(weights[3], last.ModelState["weight"].ToArray());
            Assert.Equal(history.TrainLoss, last.History.TrainLoss);
            Assert.Equal(1, last.History.BestEpoch);

            var fresh = new LinearRegression(new Generator(77), 2);
            TrainingCheckpoint.LoadModel(Path.Combine(dir, "best.safetensors"), fresh);
            Assert.Equal(weights[1], fresh.Weight.ToArray());
            Assert.Empty(Directory.GetFiles(dir, "*.tmp"));
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    /// <summary>A run with shuffling, momentum, a per-step schedule, validation and early stopping that does not trigger.</summary>
    private static (TrainingHistory History, LinearRegression Model) FitFull(int maxEpochs, string dir, long modelSeed = 1, long shuffleSeed = 5, string? resume = null)
    {
        var model = new LinearRegression(new Generator(modelSeed), 2);
        var sgd = new SGD(model.Parameters(), lr: 0.05, momentum: 0.9);
        var trainer = Make(model, sgd);
        trainer.MaxEpochs = maxEpochs;
        trainer.Scheduler = new StepLR(sgd, stepSize: 5, gamma: 0.8);
        trainer.ValidationStep = b => ValLoss(model, b);
        trainer.EarlyStopping = new EarlyStopping("val_loss", patience: 50);
        trainer.Checkpoints = new CheckpointOptions(dir) { Monitor = "val_loss", Metadata = new Dictionary<string, string> { ["config"] = "{\"features\":2}" } };
        var history = trainer.Fit(TinyData.Loader(TinyData.Make(40, 3), 6, shuffleSeed), TinyData.Loader(TinyData.Make(10, 4), 4, null), resume);
        return (history, model);
    }

    [Fact]
    public void Resuming_from_the_last_checkpoint_matches_an_uninterrupted_run_exactly()
    {
        var dirA = Directory.CreateTempSubdirectory("lab-train-").FullName;
        var dirB = Directory.CreateTempSubdirectory("lab-train-").FullName;
        try
        {
            var (full, fullModel) = FitFull(6, dirA);
            var (firstHalf, _) = FitFull(3, dirB);
            Assert.Equal(3, firstHalf.Epochs.Count);
            // A new process: other initial weights and another shuffle seed, all replaced by the checkpoint.
            var (resumed, resumedModel) = FitFull(6, dirB, modelSeed: 99, shuffleSeed: 123, resume: "last");

            Assert.Equal(fullModel.Weight.ToArray(), resumedModel.Weight.ToArray());
            Assert.Equal(fullModel.Bias.ToArray(), resumedModel.Bias.ToArray());
            Assert.Empty(resumedModel.BatchesSeen.Shape);
            Assert.Equal(6f * 7, resumedModel.BatchesSeen.Item()); // the buffer came back too: 6 epochs of 7 batches
            Assert.Equal(full.TrainLoss, resumed.TrainLoss);
            Assert.Equal(full.Metric("val_loss"), resumed.Metric("val_loss"));
            Assert.Equal(full.LearningRates, resumed.LearningRates);
            Assert.Equal(full.Epochs.Select(e => e.Step), resumed.Epochs.Select(e => e.Step));
            Assert.Equal(full.BestEpoch, resumed.BestEpoch);
            Assert.NotEqual(full.LearningRates[0], full.LearningRates[^1]); // the schedule did move

            var last = TrainingCheckpoint.Load(Path.Combine(dirB, "last.safetensors"));
            Assert.Equal(5, last.Epoch);
            Assert.Equal("{\"features\":2}", last.Metadata["config"]);
            Assert.Contains("0.0.momentum_buffer", last.OptimizerState.Keys);
        }
        finally
        {
            Directory.Delete(dirA, recursive: true);
            Directory.Delete(dirB, recursive: true);
        }
    }

    [Fact]
    public void Callbacks_and_progress_events_arrive_in_order()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = Make(model, new SGD(model.Parameters(), lr: 0.01));
        trainer.MaxEpochs = 2;
        trainer.ValidationStep = b => ValLoss(model, b);
        var log = new List<string>();
        trainer.Callbacks.Add(new LambdaCallback
        {
            TrainStart = c => log.Add($"train_start {c.Epoch}"),
            EpochStart = c => log.Add($"epoch_start {c.Epoch}"),
            BatchEnd = c => log.Add($"batch {c.Epoch}.{c.Batch}/{c.BatchesPerEpoch} step {c.Step}"),
            EpochEnd = c => log.Add($"epoch_end {c.Epoch} metrics {string.Join(",", c.Metrics.Keys)}"),
            TrainEnd = c => log.Add($"train_end {c.Epoch}"),
        });
        var progress = new List<TrainingProgress>();
        trainer.Progress = new TrainingProgressHandler(progress.Add);
        var data = TinyData.Make(8, 1);
        trainer.Fit(TinyData.Loader(data, 4, 2), TinyData.Loader(data, 8, null));

        Assert.Equal([
            "train_start 0",
            "epoch_start 0", "batch 0.1/2 step 1", "batch 0.2/2 step 2", "epoch_end 0 metrics val_loss",
            "epoch_start 1", "batch 1.1/2 step 3", "batch 1.2/2 step 4", "epoch_end 1 metrics val_loss",
            "train_end 1"], log);
        Assert.Equal([TrainingEvent.Started, TrainingEvent.BatchEnd, TrainingEvent.BatchEnd, TrainingEvent.EpochEnd,
            TrainingEvent.BatchEnd, TrainingEvent.BatchEnd, TrainingEvent.EpochEnd, TrainingEvent.Ended], progress.Select(p => p.Event));
        var batch = progress[2];
        Assert.Equal(2, batch.Batch);
        Assert.Equal((progress[1].Loss + progress[2].Loss) / 2, batch.EpochLoss, 12);
        Assert.Equal(0.01, batch.LearningRate);
        Assert.True(progress[3].Metrics.ContainsKey("val_loss"));
    }

    [Fact]
    public void A_callback_can_stop_the_run_after_the_current_epoch()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = Make(model, new SGD(model.Parameters(), lr: 0.01));
        trainer.MaxEpochs = 10;
        trainer.Callbacks.Add(new LambdaCallback { BatchEnd = c => { if (c.Epoch == 1 && c.Batch == 1) c.RequestStop(); } });
        var history = trainer.Fit(TinyData.Loader(TinyData.Make(8, 1), 4, null));
        Assert.Equal(2, history.Epochs.Count);
        Assert.Equal(4, history.Epochs[^1].Step); // epoch 1 still ran both batches
        Assert.True(history.StoppedEarly);
    }

    [Theory]
    [InlineData(SchedulerInterval.Epoch, new[] { 0.1, 0.05, 0.025 })]
    [InlineData(SchedulerInterval.Step, new[] { 0.05, 0.0125, 0.003125 })] // two steps per epoch; the last step's rate
    public void The_scheduler_steps_per_batch_or_per_epoch(SchedulerInterval interval, double[] expected)
    {
        var model = new LinearRegression(new Generator(1), 2);
        var sgd = new SGD(model.Parameters(), lr: 0.1);
        var trainer = Make(model, sgd);
        trainer.MaxEpochs = 3;
        trainer.Scheduler = new StepLR(sgd, stepSize: 1, gamma: 0.5);
        trainer.SchedulerInterval = interval;
        var history = trainer.Fit(TinyData.Loader(TinyData.Make(8, 1), 4, null));
        Assert.Equal(expected, history.LearningRates);
    }

    [Fact]
    public void The_clipping_hook_sees_the_gradients_before_every_step()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var sgd = new SGD(model.Parameters(), lr: 0.1);
        var trainer = Make(model, sgd);
        trainer.MaxEpochs = 2;
        int calls = 0;
        trainer.ClipGradients = ps =>
        {
            calls++;
            foreach (var p in ps) { Assert.NotNull(p.Grad); p.Grad!.AsSpan().Clear(); } // clip to zero: nothing moves
        };
        var before = model.Weight.ToArray();
        trainer.Fit(TinyData.Loader(TinyData.Make(12, 1), 4, null));
        Assert.Equal(6, calls);
        Assert.Equal(before, model.Weight.ToArray());
    }

    [Fact]
    public void Misconfiguration_fails_with_a_message_saying_what_is_wrong()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var loader = TinyData.Loader(TinyData.Make(8, 1), 4, null);

        var vector = new Trainer<Tensor[]>(model, new SGD(model.Parameters(), 0.1), b => model.Call(b[0]));
        var e1 = Assert.Throws<InvalidOperationException>(() => vector.Fit(loader));
        Assert.Contains("scalar loss", e1.Message);
        Assert.Contains("[4, 1]", e1.Message);

        var monitored = Make(model, new SGD(model.Parameters(), 0.1));
        monitored.EarlyStopping = new EarlyStopping("val_acc");
        var e2 = Assert.Throws<InvalidOperationException>(() => monitored.Fit(loader));
        Assert.Contains("'val_acc'", e2.Message);
        Assert.Contains("train_loss", e2.Message);

        var needsVal = Make(model, new SGD(model.Parameters(), 0.1));
        needsVal.ValidationStep = b => ValLoss(model, b);
        Assert.Throws<ArgumentException>(() => needsVal.Fit(loader));

        var noCheckpoints = Make(model, new SGD(model.Parameters(), 0.1));
        Assert.Throws<InvalidOperationException>(() => noCheckpoints.Fit(loader, resumeFrom: "last"));

        var empty = TinyData.Loader(TinyData.Make(2, 1), 4, null);
        Assert.Throws<ArgumentException>(() => Make(model, new SGD(model.Parameters(), 0.1)).Fit(new DataLoader<Tensor[], Tensor[]>(empty.Dataset, Collate.StackFields, 4, dropLast: true)));
    }

    [Fact]
    public void Cancelling_stops_before_the_next_batch()
    {
        var model = new LinearRegression(new Generator(1), 2);
        var trainer = Make(model, new SGD(model.Parameters(), 0.1));
        using var cts = new CancellationTokenSource();
        trainer.Callbacks.Add(new LambdaCallback { BatchEnd = c => { if (c.Step == 3) cts.Cancel(); } });
        Assert.Throws<OperationCanceledException>(() => trainer.Fit(TinyData.Loader(TinyData.Make(16, 1), 4, null), cancellationToken: cts.Token));
    }
}
