using Lib.Football.Train;
using Lib.Tracking;
using Lib.Tuning;

namespace Lib.Tests.Football;

/// <summary>The learning-rate grid through <c>Lib.Tuning</c> on the bundled data: two tiny trials, each a tracked run
/// judged by its best validation ADE at 2 s, then resumed.</summary>
[Collection("football")]
public class FootballTuneTests(FootballDataFixture fixture)
{
    private static readonly FootballTrainOptions Tiny = new()
    {
        MaxTrainSamples = 64,
        BatchSize = 16,
        MaxEpochs = 2,
        Hidden = 8,
        Layers = 1,
        Patience = 2,
    };

    [Fact]
    public void A_learning_rate_grid_records_every_trial_as_a_run_and_resumes()
    {
        using var dir = new TempDir();
        var store = new TrackingStore(Path.Combine(dir.Path, "mlruns"));
        var space = FootballTuneStep.LearningRateGrid(1e-3, 1e-2);
        var study = FootballTuneStep.Run(fixture.Data, Tiny, store, space, new GridSearch(2));
        Assert.Equal(("football", "best_val_ade2"), (study.Name, study.Metric));
        var rates = study.Trials.Select(t => t.Parameters.Get<double>("learning_rate")).ToArray();
        Assert.Equal(2, rates.Length);
        Assert.Equal(1e-3, rates[0], 12);
        Assert.Equal(1e-2, rates[1], 12);
        var runs = store.Runs(FootballTuneStep.Experiment);
        Assert.Equal(2, runs.Count);
        foreach (var trial in study.Trials)
        {
            var run = Assert.Single(runs, r => r.RunId == trial.RunId);
            Assert.Equal(RunStatus.Finished, run.Status);
            // the objective is the validation games' ADE at 2 s: the best of the epochs the run recorded
            var perEpoch = run.Metrics[FootballTrainer.Monitor].Select(p => p.Value).ToList();
            Assert.Equal(2, perEpoch.Count);
            Assert.Equal(perEpoch.Min(), trial.Value, 9);
            Assert.Equal(fixture.Data.Fingerprint, run.Params["data_fingerprint"]);
            Assert.Equal("8", run.Params["hidden"]);
        }
        Assert.NotEqual(study.Trials[0].Value, study.Trials[1].Value);
        Assert.NotNull(study.Best);

        var again = FootballTuneStep.Run(fixture.Data, Tiny, store, space, new GridSearch(2));
        Assert.All(again.Trials, t => Assert.True(t.Reused));
        Assert.Equal(study.Trials.Select(t => t.Value), again.Trials.Select(t => t.Value));
        var other = Assert.Throws<InvalidOperationException>(() =>
            FootballTuneStep.Run(fixture.Data, Tiny with { Hidden = 16 }, store, space, new GridSearch(2)));
        Assert.Contains("was recorded with hidden=8", other.Message);

        Assert.Throws<ArgumentException>(() => FootballTuneStep.Run(fixture.Data, Tiny, store,
            new SearchSpace().Add(new UniformDomain("dropout", 0, 0.5)), new GridSearch(2)));
        Assert.Equal(32, FootballTuneStep.Apply(Tiny, new TrialParameters([new("hidden", 32)])).Hidden);
    }
}
