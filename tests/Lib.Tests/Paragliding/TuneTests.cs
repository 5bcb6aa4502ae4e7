using Lib.Paragliding.Train;
using Lib.Tracking;

namespace Lib.Tests.Paragliding;

[Collection("paragliding")]
public sealed class TuneTests(ParaglidingFixture fixture)
{
    [Fact]
    public void TheRangeTestRestoresTheWeightsAndSuggestsARateInRange()
    {
        var sweep = ParaglidingTuneStep.LearningRateSweep(fixture.Data, new ParaglidingTrainOptions(), steps: 40);
        Assert.InRange(sweep.SuggestedLearningRate, 1e-5, 1);
        Assert.True(sweep.LearningRates.Count > 5);
        Assert.True(sweep.LearningRates[^1] > sweep.LearningRates[0]);
    }

    [Fact]
    public void ARandomSearchRecordsEveryTrialAndResumes()
    {
        using var dir = new TempDir();
        var store = new TrackingStore(Path.Combine(dir.Path, "mlruns"));
        var start = new ParaglidingTrainOptions { Epochs = 1 };
        var study = ParaglidingTuneStep.Search(fixture.Data, start, store, trials: 2, seed: 3);
        Assert.Equal(2, study.Trials.Count);
        Assert.All(study.Trials, t => Assert.True(double.IsFinite(t.Value)));
        Assert.Contains("learning_rate", study.Trials[0].Parameters.Names);
        var again = ParaglidingTuneStep.Search(fixture.Data, start, store, trials: 2, seed: 3);
        Assert.All(again.Trials, t => Assert.True(t.Reused));
        Assert.Throws<ArgumentException>(() =>
            ParaglidingSearchSpace.Apply(start, new Lib.Tuning.TrialParameters([new("dropout", 0.1)]))
        );
    }
}
