using Lib.Storage;
using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Evaluate;
using Lib.Track.Ingest;
using Lib.Track.Model;
using Lib.Track.Predict;
using Lib.Track.Train;
using Lib.Workflow;

namespace Lib.Tests.Track;

/// <summary>Issue 19: the per-family blend of the network with the last peak, and the batch cross-check's set and
/// scorer, checked against independent computations on the bundled data.</summary>
[Collection(TrackCollection.Name)]
public class BlendAndCrossCheckTests(TrackFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private List<Window> Validation(TrackModel model) =>
        model.Inputs.Split().Select(Windows.Build(fixture.Data.Of(model.Gender), model.Config.Seasons),
            WindowSplit.Validation).Where(w => model.Encoder.Knows(w.History.Event.Code)).ToList();

    [Fact]
    public void Trained_models_carry_a_blend_whose_validation_errors_are_the_networks_and_the_last_peaks()
    {
        foreach (var model in fixture.Models)
        {
            var blend = Assert.IsType<FamilyBlend>(model.Inputs.Blend);
            var validation = Validation(model);
            Assert.Equal(validation.Count, blend.ValidationError.Windows);
            var actual = validation.Select(w => w.Actual).ToList();
            var lastPeak = RegressionMetrics.Compute(Baselines.LastPeak.Predict(validation), actual).PercentError;
            Assert.Equal(lastPeak, blend.ValidationError.Base, 3);
            var network = new TrackModel(model.Card with { Inputs = model.Inputs with { Blend = null, Trees = null } },
                model.Network);
            Assert.Equal(RegressionMetrics.Compute(network.Predict(validation), actual).PercentError,
                blend.ValidationError.Network, 6);
            var blended = model.PredictNetwork([.. validation.Select(model.Encoder.Encode)]);
            Assert.Equal(RegressionMetrics.Compute(blended, actual).PercentError, blend.ValidationError.Blend, 6);
            Assert.All(blend.Weights.Values.Append(blend.Pooled), w => Assert.InRange(w, 0, BlendFitter.MaxWeight));
        }
    }

    [Fact]
    public void A_zero_weight_forecasts_the_last_peak_and_a_weight_of_one_the_network()
    {
        var model = fixture.Models[0];
        var validation = Validation(model);
        var stats = new BlendValidation(0, 0, 0, 0);
        var zero = new TrackModel(model.Card with { Inputs = model.Inputs with
        {
            Blend = new FamilyBlend(new Dictionary<string, double>(), 0, 30, stats), Trees = null,
        } }, model.Network);
        var lastPeak = Baselines.LastPeak.Predict(validation);
        var forecast = zero.Predict(validation);
        for (var i = 0; i < validation.Count; i++)
            Assert.Equal(lastPeak[i], forecast[i], lastPeak[i] * 1e-5);
        var one = new TrackModel(model.Card with { Inputs = model.Inputs with
        {
            Blend = new FamilyBlend(new Dictionary<string, double> { ["Sprint"] = 1 }, 1, 30, stats), Trees = null,
        } }, model.Network);
        var none = new TrackModel(model.Card with { Inputs = model.Inputs with { Blend = null, Trees = null } },
            model.Network);
        Assert.Equal(none.Predict(validation), one.Predict(validation));
    }

    [Fact]
    public void A_cross_check_on_the_bundled_file_forecasts_seasons_after_the_cut_and_scores_them_against_the_truth()
    {
        var file = Path.Combine(RepoPaths.Data, "tfrrs", PerformanceSources.BigSouthFile);
        var rows = new BigSouthCsv(file).Read().Rows;
        var cut = new DateOnly(2025, 6, 1);
        var set = TrackCrossCheck.Prepare(rows, cut, _dir.Path, perGender: 25);
        Assert.InRange(set.RequestsByGender.Values.Sum(), 2, 50);
        var history = RecordTable.Read<HistoryRow>(set.Performances);
        Assert.All(history, r => Assert.True(DateOnly.Parse(r.Date, System.Globalization.CultureInfo.InvariantCulture) < cut));
        var truth = RecordTable.Read<CrossCheckTruth>(set.Truth);

        // Each actual peak is the best mark of that athlete, event and season in the original file (after the cut).
        var full = HistoryBuilder.Build(rows.Where(r => r.Mark.IsValid && !r.Event.IsRelay && r.Date is not null));
        // The written name carries the team of the athlete's first row before the cut (transfers change teams).
        var teams = rows.Where(r => r.Date < cut).GroupBy(r => r.AthleteKey!).ToDictionary(g => g.Key, g => g.First().Team);
        string Written(AthleteEventHistory h) =>
            !teams.ContainsKey(h.AthleteKey) ? "" : string.IsNullOrWhiteSpace(teams[h.AthleteKey]) ? h.Athlete : $"{h.Athlete} ({teams[h.AthleteKey]})";
        foreach (var t in truth)
        {
            var h = full.SingleOrDefault(h => Written(h) == t.Athlete && h.Event.Code == t.Event
                && TrackModels.Name(h.Gender) == t.Gender);
            Assert.True(h is not null, $"{t}: no such history in the original file");
            var season = h!.Seasons.Single(s => s.Season.ToString() == t.TargetSeason);
            Assert.True(season.Marks[0].Date >= cut);
            Assert.Equal(season.Peak, t.ActualPeak, 6);
        }

        var outcome = TrackPredictStep.RunBatch(fixture.ModelDirectory, set.Performances, set.Requests,
            Path.Combine(_dir.Path, TrackCrossCheck.ForecastsFile));
        var report = TrackCrossCheck.Score(set.Performances, set.Truth, outcome.OutPath!);
        Assert.Equal(truth.Count, report.Requested);
        Assert.Equal(outcome.Rejected.Count, report.NotForecast);
        var forecasts = RecordTable.Read<BatchForecast>(outcome.OutPath!);
        var past = HistoryBuilder.Build(
            rows.Where(r => r.Mark.IsValid && !r.Event.IsRelay && r.Date is not null && r.Date < cut)
        );
        foreach (var g in report.Genders)
            foreach (var f in g.Forecasts)
            {
                var batch = forecasts.Single(b => b.Athlete == f.Window.History.Athlete
                    && b.Event == f.Window.History.Event.Code && b.TargetSeason == f.Window.TargetSeason.Season.ToString());
                Assert.Equal(batch.PredictedPeak, f.Model, 9);
                // The last-peak baseline is the best mark before the cut of the latest season in that event.
                var h = past.Single(h => Written(h) == batch.Athlete && h.Event.Code == batch.Event
                    && TrackModels.Name(h.Gender) == batch.Gender);
                var before = h.Seasons[^1];
                Assert.Equal(before.Peak, f.Of(Baselines.LastPeak.Name), 6);
            }
        var text = report.ToString();
        Assert.Contains("| gender | family | windows | model % |", text, StringComparison.Ordinal);
        Assert.Contains("**all**", text, StringComparison.Ordinal);
    }
}
