using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Tensors.Training;
using Lib.Track.Train;
using Lib.Workflow;

namespace Lib.Tests.Track;

/// <summary>The refit (networks retrained on training + validation windows after the blend and the trees' mix were
/// fitted on validation) and the backtest (the split shifted back, a rehearsal of the test).</summary>
[Collection(TrackCollection.Name)]
public class TrackRefitTests(TrackFixture fixture)
{
    [Fact]
    public void A_refit_keeps_the_blend_trees_and_mix_and_retrains_the_network_on_training_and_validation()
    {
        var options = TrackFixture.Options with { Refit = true };
        var plan = TrackTrainStep.Plan(fixture.Data, options);
        var refitted = TrackTrainer.Train(fixture.Data, Gender.Women, plan, options);
        var plain = fixture.Models.Single(m => m.Gender == Gender.Women); // the same settings without the refit

        // The first stage is the plain model's, so the blend and the mix fitted on validation are its own.
        Assert.Equal(plain.Inputs.Blend!.Weights, refitted.Inputs.Blend!.Weights);
        Assert.Equal(plain.Inputs.Blend.ValidationError, refitted.Inputs.Blend.ValidationError);
        Assert.Equal(plain.Inputs.Trees!.Shares, refitted.Inputs.Trees!.Shares);
        Assert.Equal(plain.Inputs.Trees.ValidationError, refitted.Inputs.Trees.ValidationError);

        // The network and the standardisation are the refit's, fitted on training + validation windows; the trees are
        // the first stage's.
        var windows = Windows.Build(fixture.Data.Of(Gender.Women), options.Model.Seasons);
        List<Window> both = [.. plan.Select(windows, WindowSplit.Train), .. plan.Select(windows, WindowSplit.Validation)];
        Assert.Equal(both.Count, refitted.Card.Training.TrainSamples);
        var scales = EventScales.Fit(both);
        Assert.Equal(scales.Keys.Order(StringComparer.Ordinal), refitted.Inputs.Events);
        Assert.All(scales, s => Assert.Equal(s.Value, refitted.Inputs.Scales[s.Key]));
        Assert.NotEqual(plain.Inputs.Scales["400"], refitted.Inputs.Scales["400"]);
        var test = plan.Select(windows, WindowSplit.Test).Where(w => plain.Encoder.Knows(w.History.Event.Code))
            .Take(50).ToList();
        var rows = TreeFitter.Rows(test, plain.Inputs.Scales).Rows;
        Assert.Equal(plain.Trees!.Predict(rows), refitted.Trees!.Predict(rows));
        Assert.NotEqual(plain.Predict(test), refitted.Predict(test));
        Assert.All(refitted.Predict(test), f => Assert.True(double.IsFinite(f) && f > 0, $"{f}"));
    }

    [Fact]
    public void Each_member_is_refitted_for_its_own_epochs_on_both_genders_training_and_validation_windows_only()
    {
        var options = TrackFixture.Options with { Refit = true, Ensemble = 2, Trees = null };
        var plan = TrackTrainStep.Plan(fixture.Data, options);
        var recorder = new RecordingFit();
        var model = TrackTrainer.Train(fixture.Data, Gender.Women, plan, options, fit: recorder);

        // Two members early-stopped on validation, then each refitted without validation for its best epoch + 1.
        Assert.Equal([true, true, false, false], recorder.Jobs.Select(j => j.Validated));
        Assert.Equal([options.Seed, options.Seed + 1, options.Seed, options.Seed + 1], recorder.Jobs.Select(j => j.Seed));
        for (var k = 0; k < 2; k++)
            Assert.Equal((recorder.Jobs[k].History.BestEpoch ?? -1) + 1, recorder.Jobs[2 + k].Epochs);
        Assert.Equal(model.Network.NumParameters(), model.Card.Training.Parameters);

        // What the refits read: this gender's and the other's training and validation windows, never a test one.
        foreach (var refit in recorder.Jobs.Skip(2))
        {
            Assert.All(refit.Windows, w => Assert.NotEqual(WindowSplit.Test, plan.Of(w)));
            Assert.All(refit.Windows, w => Assert.NotNull(plan.Of(w)));
            Assert.Contains(refit.Windows, w => w.History.Gender == Gender.Men && plan.Of(w) == WindowSplit.Validation);
            var women = Windows.Build(fixture.Data.Of(Gender.Women), options.Model.Seasons);
            Assert.Equal(
                plan.Select(women, WindowSplit.Train).Count + plan.Select(women, WindowSplit.Validation).Count,
                refit.Windows.Count(w => w.History.Gender == Gender.Women));
        }
    }

    /// <summary>The engine's fit, recording each job: whether it validated, its seed and epochs, the windows of its
    /// training batches (read once more, for the refits only, whose result no assertion compares) and its history.
    /// </summary>
    private sealed class RecordingFit : IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions>
    {
        public List<(bool Validated, long Seed, int Epochs, List<Window> Windows, TrainingHistory History)> Jobs { get; } = [];

        public ComputeDevice Device => TrackTrainer.Engine.Device;

        public TrainingHistory Fit(FitJob<HierarchicalLstm, TrackBatch, TrackTrainOptions> job)
        {
            var windows = job.Validation is null
                ? job.Train.Batches().SelectMany(b => b.Value.Samples.Select(s => s.Window!)).ToList()
                : [];
            var history = TrackTrainer.Engine.Fit(job);
            Jobs.Add((job.Validation is not null, job.Seed, job.Epochs, windows, history));
            return history;
        }
    }

    [Fact]
    public void A_backtest_shifts_the_split_back_and_leaves_the_latest_seasons_out()
    {
        var windows = Windows.Build(fixture.Data.Histories, 4);
        var plan = SplitPlan.Latest(windows, backtest: 2);
        Assert.Equal("2024 XC, 2025 Indoor | 2025 Outdoor, 2025 XC", plan.ToString());
        var real = SplitPlan.Latest(windows);
        Assert.Equal(real.Validation, plan.Test);
        Assert.All(real.Select(windows, WindowSplit.Test), w => Assert.Null(plan.Of(w)));
        Assert.Equal(plan.ToString(), TrackTrainStep.Plan(fixture.Data, TrackFixture.Options with { Backtest = 2 }).ToString());
        Assert.Contains("before the 30 latest left out for a backtest",
            Assert.Throws<ArgumentException>(() => SplitPlan.Latest(windows, backtest: 30)).Message,
            StringComparison.Ordinal);
    }
}
