using Lib.Tests.Charts;
using Lib.Track.Domain;
using Lib.Track.Train;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Tests.Track;

/// <summary>The tune step on the bundled data: tiny studies of a few one- or two-epoch trials.</summary>
[Collection(TrackCollection.Name)]
public class TrackTuneTests(TrackFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private TrackingStore Store() => new(Path.Combine(_dir.Path, "mlruns"));

    private static TrackTuneRequest Tiny => new()
    {
        Gender = Gender.Women,
        Options = TrackFixture.Options with { MaxEpochs = 2, Patience = 2 },
        Space = new SearchSpace().LogUniform(TrackSearchSpace.LearningRate, 1e-3, 2e-2).Choice(TrackSearchSpace.Hidden, 4, 8),
        Search = new RandomSearch(2, Seed: 3),
    };

    [Fact]
    public void Each_trial_is_a_tracked_run_judged_on_validation_and_a_second_call_resumes_without_training()
    {
        var store = Store();
        var first = TrackTuneStep.Run(fixture.Data, Tiny, store);

        Assert.False(first.Study.Cancelled);
        Assert.Equal("track-women", first.Study.Name);
        Assert.Equal(2, first.Study.Trials.Count);
        Assert.All(first.Study.Trials, t => Assert.False(t.Reused));
        var runs = store.Runs(TrackTuneStep.Experiment);
        Assert.Equal(2, runs.Count);
        foreach (var trial in first.Study.Trials)
        {
            var run = runs.Single(r => r.RunId == trial.RunId);
            Assert.Equal(RunStatus.Finished, run.Status);
            Assert.Equal("track-women", run.Tags[Study.StudyTag]);
            Assert.Equal(ParameterDomain.Format(trial.Parameters[TrackSearchSpace.LearningRate]), run.Params["learning_rate"]);
            Assert.Equal(trial.Parameters[TrackSearchSpace.Hidden].ToString(), run.Params["hidden"]);
            Assert.Equal("women", run.Params["gender"]);
            Assert.Equal("2", run.Params["max_epochs"]);
            Assert.Equal(fixture.Data.Fingerprint, run.Params["data_fingerprint"]);
            Assert.False(run.Params.ContainsKey("season_hidden")); // tuned through 'hidden', so not a shared setting

            // The objective is the best epoch's validation error, the per-epoch curve logged beside it.
            var perEpoch = run.Metrics[TrackTrainer.ValidationMetric].Select(p => p.Value).ToList();
            Assert.InRange(perEpoch.Count, 1, 2);
            Assert.Equal(perEpoch.Min(), trial.Value, 9);
            Assert.Equal(trial.Value, run.Last(TrackTuneStep.Metric));
            Assert.True(trial.Value is > 0 and < 100, $"val_pct {trial.Value}");
            Assert.Equal(perEpoch.Count, run.Metrics["train_loss"].Count);
        }
        Assert.NotEqual(first.Study.Trials[0].Value, first.Study.Trials[1].Value); // the parameters matter
        var best = first.Study.Best!;
        Assert.Equal(first.Study.Trials.Min(t => t.Value), best.Value);
        Assert.Equal(best.Parameters.Get<int>(TrackSearchSpace.Hidden), first.BestOptions!.Model.SeasonHidden);
        Assert.Equal(best.Parameters.Get<int>(TrackSearchSpace.Hidden), first.BestOptions.Model.AcrossHidden);
        Assert.Equal(best.Parameters.Get<double>(TrackSearchSpace.LearningRate), first.BestOptions.LearningRate);
        var table = first.ToDataFrame();
        Assert.Equal(["trial", "learning_rate", "hidden", TrackTuneStep.Metric, "best_so_far", "reused", "run_id"], table.Columns.Select(c => c.Name));
        Assert.Equal(2, table.Rows.Count);
        Assert.Equal(first.Study.Trials.Select(t => t.Value), PlotlyFigure.Numbers(PlotlyFigure.Traces(first.TrialsChart())[0]!, "y"));
        Assert.Equal(2, PlotlyFigure.Traces(first.ParametersChart()).Count);

        // The same study again: read back from the store, nothing retrained, no new runs.
        var second = TrackTuneStep.Run(fixture.Data, Tiny, store);
        Assert.All(second.Study.Trials, t => Assert.True(t.Reused));
        Assert.Equal(first.Study.Trials.Select(t => (t.RunId, t.Value)), second.Study.Trials.Select(t => (t.RunId, t.Value)));
        Assert.Equal(2, store.Runs(TrackTuneStep.Experiment).Count);

        // Resuming with another shared setting would mix incomparable trials: refused, naming the setting.
        var other = Tiny with { Options = Tiny.Options with { MaxEpochs = 3 } };
        var e = Assert.Throws<InvalidOperationException>(() => TrackTuneStep.Run(fixture.Data, other, store));
        Assert.Contains("Study 'track-women'", e.Message);
        Assert.Contains("max_epochs=2", e.Message);
        Assert.Equal(2, store.Runs(TrackTuneStep.Experiment).Count);
    }

    [Fact]
    public void Successive_halving_trains_the_better_trial_again_with_more_epochs()
    {
        var store = Store();
        var result = TrackTuneStep.Run(fixture.Data, Tiny with { Halving = new SuccessiveHalving(1, 2, 2), Study = "halving" }, store);

        Assert.Equal([1, 1, 2], result.Study.Trials.Select(t => t.Budget!.Value));
        var firstRung = result.Study.Trials.Take(2).OrderBy(t => t.Value).ToList();
        Assert.Equal(firstRung[0].Number, result.Study.Trials[2].Number);
        Assert.Same(result.Study.Trials[2], result.Study.Best);
        var runs = store.Runs(TrackTuneStep.Experiment);
        Assert.Equal(3, runs.Count);
        Assert.All(runs, r => Assert.Equal("halving", r.Tags[Study.StudyTag]));
        Assert.All(runs, r => Assert.Equal(int.Parse(r.Params[Study.BudgetParam]) , r.Metrics["train_loss"].Count)); // patience 2 never stops these early
        Assert.Equal(2, result.BestOptions!.MaxEpochs);
    }

    [Fact]
    public void A_cancelled_study_stops_before_training_and_a_later_call_runs_the_trials()
    {
        var store = Store();
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        var stopped = TrackTuneStep.Run(fixture.Data, Tiny with { Search = new RandomSearch(1, Seed: 3) }, store, cancellationToken: cancel.Token);
        Assert.True(stopped.Study.Cancelled);
        Assert.Empty(stopped.Study.Trials);
        Assert.Null(stopped.BestOptions);
        Assert.Empty(store.Runs(TrackTuneStep.Experiment));
    }
}
