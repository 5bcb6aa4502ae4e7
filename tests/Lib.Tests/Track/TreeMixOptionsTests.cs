using Lib.Track.Dataset;
using Lib.Track.Model;
using Lib.Track.Train;
using Lib.Workflow;

namespace Lib.Tests.Track;

/// <summary>Issue 19, third round: the trees' options tried on validation — the mean of peaks' share in the mix, the
/// trees' subsample and bags — and the mix's cross-fitted validation error.</summary>
[Collection(TrackCollection.Name)]
public class TreeMixOptionsTests(TrackFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private List<Window> Validation(TrackModel model) =>
        model.Inputs.Split().Select(Windows.Build(fixture.Data.Of(model.Gender), model.Config.Seasons),
            WindowSplit.Validation).Where(w => model.Encoder.Knows(w.History.Event.Code)).ToList();

    private static TrackModel With(TrackModel model, TreeMix mix) =>
        new(model.Card with { Inputs = model.Inputs with { Trees = mix } }, model.Network, null, model.Trees);

    [Fact]
    public void The_mean_of_peaks_is_the_geometric_mean_of_the_windows_input_peaks()
    {
        var model = fixture.Models[^1];
        foreach (var w in Validation(model).Take(40))
        {
            var expected = Math.Exp(w.Inputs.Select(s => Math.Log(s.Peak)).Average());
            var mean = TrackModel.MeanOfPeaks(w.History.Event, model.Encoder.Encode(w));
            Assert.Equal(expected, mean, expected * 1e-5); // the feature is a float
        }
    }

    [Fact]
    public void A_mean_share_of_one_forecasts_the_mean_of_peaks_and_of_zero_the_mix_without_it()
    {
        var model = fixture.Models[^1];
        var mix = Assert.IsType<TreeMix>(model.Inputs.Trees);
        Assert.Null(mix.MeanShares); // the default fits none
        var validation = Validation(model);
        var samples = validation.Select(model.Encoder.Encode).ToList();
        var none = new Dictionary<string, double>();
        var means = validation.Select((w, i) => TrackModel.MeanOfPeaks(w.History.Event, samples[i])).ToList();
        Assert.Equal(means, With(model, mix with { MeanShares = none, MeanPooled = 1 }).Predict(samples));
        Assert.Equal(model.Predict(samples), With(model, mix with { MeanShares = none, MeanPooled = 0 }).Predict(samples));
        // A family's own share wins over the pooled one.
        var family = validation[0].History.Event.Family;
        var own = mix with { MeanShares = new Dictionary<string, double> { [family.ToString()] = 1 }, MeanPooled = 0 };
        Assert.Equal(1, own.MeanShareOf(family));
        Assert.Equal(means[0], With(model, own).Predict(samples)[0], 9);
    }

    [Fact]
    public void A_mix_fitted_with_the_mean_of_peaks_scores_as_predict_forecasts_and_survives_save_and_load()
    {
        var model = fixture.Models[^1];
        var validation = Validation(model);
        var settings = model.Inputs.Trees!.Settings with { MeanOfPeaks = true };
        var mix = TreeFitter.Fit(model, model.Trees!, validation, settings);
        Assert.NotNull(mix.MeanShares);
        Assert.All(mix.MeanShares!.Values.Append(mix.MeanPooled), s => Assert.InRange(s, 0, 1));
        Assert.True(double.IsFinite(mix.ValidationError.CrossFitted!.Value));
        Assert.True(double.IsFinite(mix.ValidationError.CrossFittedWithMean!.Value));

        var mixed = With(model, mix);
        var samples = validation.Select(model.Encoder.Encode).ToList();
        var forecast = mixed.Predict(samples);
        var error = RegressionMetrics.Compute(forecast, [.. validation.Select(w => w.Actual)]).PercentError;
        Assert.Equal(error, mix.ValidationError.Mix, 6);

        mixed.Save(_dir.Path);
        Assert.Equal(forecast, TrackModel.Load(_dir.Path).Predict(samples));
        Assert.Equal(mix.MeanShares, TrackModel.Load(_dir.Path).Inputs.Trees!.MeanShares);
    }

    private static (List<float[]> Rows, List<double> Gains) Planted()
    {
        var random = new Random(11);
        var (rows, gains) = (new List<float[]>(), new List<double>());
        for (var i = 0; i < 300; i++)
        {
            var row = new float[WindowFeatures.Count];
            for (var j = 0; j < row.Length; j++)
                row[j] = (float)(random.NextDouble() * 2 - 1);
            rows.Add(row);
            gains.Add(0.1 * row[3] + 0.02 * (random.NextDouble() - 0.5));
        }
        return (rows, gains);
    }

    [Fact]
    public void Bagged_trees_are_saved_one_file_a_bag_and_load_back_to_the_same_forecasts()
    {
        var (rows, gains) = Planted();
        var settings = new TreeSettings(Trees: 50, Leaves: 4, LearningRate: 0.1, Subsample: 0.5, Bags: 3);
        var trees = TreeFitter.Grow(rows, gains, settings, seed: 0);
        Assert.Equal(3, trees.Bags);
        var forecast = trees.Predict(rows);
        var path = Path.Combine(_dir.Path, BoostedTrees.FileName);
        trees.Save(path);
        Assert.True(File.Exists(Path.Combine(_dir.Path, "trees-1.zip")));
        Assert.True(File.Exists(Path.Combine(_dir.Path, "trees-2.zip")));
        Assert.Equal(forecast, BoostedTrees.Load(path, WindowFeatures.Count, 3).Predict(rows));
        var missing = Assert.Throws<FileNotFoundException>(() => BoostedTrees.Load(path, WindowFeatures.Count, 4));
        Assert.Contains("trees-3.zip", missing.Message, StringComparison.Ordinal);

        // With a subsample, another seed grows other trees; the bags' average differs from its first bag alone.
        var first = BoostedTrees.Load(path, WindowFeatures.Count, 1).Predict(rows);
        Assert.NotEqual(first, forecast);
        var other = TreeFitter.Grow(rows, gains, settings with { Bags = 1 }, seed: 1).Predict(rows);
        Assert.NotEqual(first, other);
    }

    [Theory]
    [InlineData(0.0, 1.0, 1)]
    [InlineData(1.5, 1.0, 1)]
    [InlineData(1.0, 0.0, 1)]
    [InlineData(1.0, 1.0, 0)]
    public void Trees_refuse_a_subsample_or_feature_fraction_outside_0_to_1_and_fewer_than_one_bag(
        double subsample, double features, int bags)
    {
        var (rows, gains) = Planted();
        var settings = new TreeSettings(Trees: 5, Subsample: subsample, FeatureFraction: features, Bags: bags);
        Assert.Throws<ArgumentException>(() => TreeFitter.Grow(rows, gains, settings, seed: 0));
    }
}
