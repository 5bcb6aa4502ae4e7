using Lib.Track.Train;
using Lib.Tuning;

namespace Lib.Tests.Track;

public class TrackSearchSpaceTests
{
    private static TrialParameters Trial(params (string Name, object Value)[] values) =>
        new(values.Select(v => new KeyValuePair<string, object>(v.Name, v.Value)));

    [Fact]
    public void The_default_space_tunes_learning_rate_hidden_size_dropout_and_weight_decay()
    {
        var space = TrackSearchSpace.Default();
        Assert.Equal(["learning_rate", "hidden", "dropout", "weight_decay"], space.Parameters.Select(p => p.Name));
        Assert.IsType<LogUniformDomain>(space["learning_rate"]);
        Assert.IsType<ChoiceDomain>(space["hidden"]);
        Assert.IsType<UniformDomain>(space["dropout"]);
        Assert.IsType<LogUniformDomain>(space["weight_decay"]);
        Assert.Same(space, TrackSearchSpace.Check(space));
    }

    [Fact]
    public void A_trial_sets_the_options_it_names_and_leaves_the_rest()
    {
        var start = TrackTrainOptions.Smoke;
        var options = TrackSearchSpace.Apply(start, Trial(("learning_rate", 0.004), ("hidden", 24), ("dropout", 0.3), ("weight_decay", 0.05), ("batch_size", 32)));
        Assert.Equal(0.004, options.LearningRate);
        Assert.Equal(0.05, options.WeightDecay);
        Assert.Equal(32, options.BatchSize);
        Assert.Equal(24, options.Model.SeasonHidden);
        Assert.Equal(24, options.Model.AcrossHidden);
        Assert.Equal(0.3f, options.Model.Dropout);
        Assert.Equal(start.Model.MarksPerSeason, options.Model.MarksPerSeason);
        Assert.Equal(start.MaxEpochs, options.MaxEpochs);

        var separate = TrackSearchSpace.Apply(start, Trial(("season_hidden", 12), ("across_hidden", 20)));
        Assert.Equal((12, 20), (separate.Model.SeasonHidden, separate.Model.AcrossHidden));
    }

    [Fact]
    public void Unknown_settings_and_values_out_of_range_are_refused_by_name()
    {
        var unknown = Assert.Throws<ArgumentException>(() => TrackSearchSpace.Check(new SearchSpace().Uniform("momentum", 0, 1)));
        Assert.Contains("no tunable setting 'momentum'", unknown.Message);
        Assert.Contains("learning_rate", unknown.Message);
        var twice = Assert.Throws<ArgumentException>(() => TrackSearchSpace.Check(new SearchSpace().Choice("hidden", 8).Choice("season_hidden", 8)));
        Assert.Contains("'hidden'", twice.Message);
        Assert.Throws<ArgumentException>(() => TrackSearchSpace.Check(new SearchSpace()));
        var dropout = Assert.Throws<ArgumentException>(() => TrackSearchSpace.Apply(new TrackTrainOptions(), Trial(("dropout", 1.5))));
        Assert.Contains("dropout=1.5", dropout.Message);
        Assert.Contains("Dropout must be in [0, 1)", dropout.Message);
        Assert.Throws<ArgumentException>(() => TrackSearchSpace.Apply(new TrackTrainOptions(), Trial(("batch_size", 0))));
    }
}
