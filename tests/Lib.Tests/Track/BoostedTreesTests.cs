using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Train;
using Lib.Workflow;
using static Lib.Tests.Track.WindowsTests;

namespace Lib.Tests.Track;

/// <summary>Issue 19: the windows' hand-made features, the boosted trees (ML.NET FastTree) and their per-family mix
/// with the network, on hand-made windows, planted relations and the fixture's trained models.</summary>
[Collection(TrackCollection.Name)]
public class BoostedTreesTests(TrackFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static float Feature(float[] row, string name) => row[WindowFeatures.Names.ToList().IndexOf(name)];

    [Fact]
    public void A_gain_is_positive_for_a_better_mark_in_either_direction_and_FromGain_inverts_it()
    {
        var run = EventCatalogue.Get("200");
        var jump = EventCatalogue.Get("LJ");
        Assert.True(WindowFeatures.Gain(run, 24.0, 25.0) > 0); // faster
        Assert.True(WindowFeatures.Gain(jump, 6.0, 5.5) > 0); // farther
        Assert.Equal(Math.Log(25.0 / 24.0), WindowFeatures.Gain(run, 24.0, 25.0), 12);
        Assert.Equal(24.0, WindowFeatures.FromGain(run, WindowFeatures.Gain(run, 24.0, 25.0), 25.0), 9);
        Assert.Equal(6.0, WindowFeatures.FromGain(jump, WindowFeatures.Gain(jump, 6.0, 5.5), 5.5), 9);
    }

    [Fact]
    public void The_features_of_a_hand_made_window_are_the_gains_over_its_last_peak()
    {
        // 200 m: outdoor 25.0, indoor 24.8 and 24.6 (peak 24.6, two marks), forecasting outdoor.
        var ev = EventCatalogue.Get("200");
        var seasons = new[] { S("2023 Outdoor", 25.0), S("2024 Indoor", 24.8), S("2024 Outdoor", 24.5, 24.9) };
        var row = WindowFeatures.Of(ev, seasons, Season.Indoor, new EventScale(25, 0.5));
        Assert.Equal(WindowFeatures.Count, row.Length);
        double G(double mark) => Math.Log(24.5 / mark);
        Assert.Equal(0f, Feature(row, "higher_is_better"));
        Assert.Equal(0f, Feature(row, "last_label_is_target"));
        Assert.Equal(1f, Feature(row, "z_last_peak"), 5); // 24.5 is one σ faster than 25.0
        Assert.Equal((float)G(24.8), Feature(row, "gain_last_same_label_peak"), 6);
        Assert.Equal(0f, Feature(row, "gain_best_peak"), 6); // the last peak is the best
        Assert.Equal((float)((G(25.0) + G(24.8) + 0) / 3), Feature(row, "gain_mean_of_peaks"), 6);
        Assert.Equal((float)(G(24.8) / 2), Feature(row, "gain_mean_of_last_two_peaks"), 6);
        Assert.Equal((float)((0 - G(25.0)) / 2), Feature(row, "gain_per_season_trend"), 6);
        Assert.Equal(3f, Feature(row, "seasons"));
        Assert.Equal(1f, Feature(row, "same_label_seasons"));
        Assert.Equal(4f, Feature(row, "marks"));
        Assert.Equal(2f, Feature(row, "marks_last_season"));
        Assert.Equal((float)G(24.9), Feature(row, "gain_last_mark"), 6);
        Assert.Equal(0f, Feature(row, "gain_same_label_progression"));
        Assert.Equal(0f, Feature(row, "wind_aided_share"));
    }

    [Fact]
    public void The_trees_learn_a_planted_relation_and_a_saved_copy_forecasts_the_same()
    {
        // The gain is 0.5 × one feature plus noise; the other features are noise. Trees must beat the mean by far.
        var random = new Random(7);
        List<float[]> rows = [];
        List<double> gains = [];
        for (var i = 0; i < 600; i++)
        {
            var row = new float[WindowFeatures.Count];
            for (var j = 0; j < row.Length; j++)
                row[j] = (float)(random.NextDouble() * 2 - 1);
            rows.Add(row);
            gains.Add(0.1 * row[5] + 0.005 * (random.NextDouble() - 0.5));
        }
        var settings = new TreeSettings(Trees: 200, Leaves: 8, LearningRate: 0.1);
        var trees = TreeFitter.Grow(rows[..400], gains[..400], settings, seed: 0);
        var forecast = trees.Predict(rows[400..]);
        var error = forecast.Select((f, i) => Math.Abs(f - gains[400 + i])).Average();
        var mean = gains[..400].Average();
        var constant = gains[400..].Select(g => Math.Abs(mean - g)).Average();
        Assert.True(error < constant / 4, $"trees {error:0.0000} against the mean's {constant:0.0000}");

        var path = Path.Combine(_dir.Path, BoostedTrees.FileName);
        trees.Save(path);
        Assert.False(File.Exists(path + ".tmp"));
        Assert.Equal(forecast, BoostedTrees.Load(path, WindowFeatures.Count).Predict(rows[400..]));
        var wrong = Assert.Throws<InvalidDataException>(() => BoostedTrees.Load(path, WindowFeatures.Count + 1));
        Assert.Contains(path, wrong.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => trees.Predict([new float[3]]));
    }

    private List<Window> Validation(TrackModel model) =>
        model.Inputs.Split().Select(Windows.Build(fixture.Data.Of(model.Gender), model.Config.Seasons),
            WindowSplit.Validation).Where(w => model.Encoder.Knows(w.History.Event.Code)).ToList();

    [Fact]
    public void Trained_models_mix_in_trees_whose_card_records_the_validation_errors_it_was_chosen_on()
    {
        foreach (var model in fixture.Models)
        {
            var mix = Assert.IsType<TreeMix>(model.Inputs.Trees);
            Assert.NotNull(model.Trees);
            Assert.Equal(WindowFeatures.Names, mix.Features);
            var validation = Validation(model);
            var samples = validation.Select(model.Encoder.Encode).ToList();
            var actual = validation.Select(w => w.Actual).ToList();
            double Error(IReadOnlyList<double> forecast) => RegressionMetrics.Compute(forecast, actual).PercentError;
            Assert.Equal(validation.Count, mix.ValidationError.Windows);
            Assert.Equal(Error(model.PredictNetwork(samples)), mix.ValidationError.Network, 6);
            Assert.Equal(Error(model.PredictTrees(samples)!), mix.ValidationError.Trees, 6);
            Assert.Equal(Error(model.Predict(samples)), mix.ValidationError.Mix, 6);
            Assert.True(mix.ValidationError.Mix <= mix.ValidationError.Network + 1e-9); // share 0 is on the grid
            Assert.All(mix.Shares.Values.Append(mix.Pooled), s => Assert.InRange(s, 0, 1));

            // Saved with the model and loaded back: the same forecasts.
            var folder = Path.Combine(fixture.ModelDirectory, TrackModels.Name(model.Gender));
            Assert.True(File.Exists(Path.Combine(folder, BoostedTrees.FileName)));
            Assert.Equal(model.Predict(samples), TrackModel.Load(folder).Predict(samples));
        }
    }

    [Fact]
    public void A_share_of_zero_is_the_network_and_a_share_of_one_the_trees()
    {
        var model = fixture.Models[^1];
        var samples = Validation(model).Select(model.Encoder.Encode).ToList();
        TrackModel With(double share) => new(model.Card with
        {
            Inputs = model.Inputs with { Trees = model.Inputs.Trees! with { Shares = new Dictionary<string, double>(),
                Pooled = share } },
        }, model.Network, null, model.Trees);
        Assert.Equal(model.PredictNetwork(samples), With(0).Predict(samples));
        Assert.Equal(model.PredictTrees(samples), With(1).Predict(samples));
        Assert.Throws<ArgumentException>(() => new TrackModel(model.Card, model.Network));
    }

    [Fact]
    public void A_card_whose_trees_file_is_gone_does_not_load()
    {
        var model = fixture.Models[0];
        model.Save(_dir.Path);
        File.Delete(Path.Combine(_dir.Path, BoostedTrees.FileName));
        Assert.Contains(BoostedTrees.FileName,
            Assert.Throws<FileNotFoundException>(() => TrackModel.Load(_dir.Path)).Message, StringComparison.Ordinal);
    }
}
