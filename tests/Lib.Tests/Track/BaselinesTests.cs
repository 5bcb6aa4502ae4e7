using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Evaluate;
using Lib.Workflow;
using static Lib.Tests.Track.WindowsTests;

namespace Lib.Tests.Track;

/// <summary>The four baselines on hand-made histories.</summary>
public class BaselinesTests
{
    private static Window Last(params HistorySeason[] seasons) => Windows.Build([F(0, "LJ", seasons)], 4)[^1];

    [Fact]
    public void Each_baseline_reads_the_window_the_model_reads()
    {
        // Long jump, one mark a season (so each season's peak is that mark); the window is the last K = 4 seasons.
        var w = Last(S("2021 Outdoor", 4.0), S("2022 Outdoor", 5.0), S("2023 Indoor", 5.6), S("2023 Outdoor", 5.4), S("2024 Indoor", 5.9), S("2024 Outdoor", 6.1));
        Assert.Equal("Athlete 0 LJ: 2022 Outdoor, 2023 Indoor, 2023 Outdoor, 2024 Indoor → 2024 Outdoor", w.ToString());
        Assert.Equal(5.4, Baselines.LastSameLabelPeak.Predict(w), 9);
        Assert.Equal(5.9, Baselines.LastPeak.Predict(w), 9);
        Assert.Equal((5.0 + 5.6 + 5.4 + 5.9) / 4, Baselines.MeanOfPeaks.Predict(w), 9);
        Assert.Equal(5.8, Baselines.LinearTrend.Predict(w), 9); // outdoor 5.0 (2022), 5.4 (2023): +0.4 a year
    }

    [Fact]
    public void The_linear_trend_is_a_least_squares_line_and_one_season_is_its_own_trend()
    {
        var three = Last(S("2021 Outdoor", 5.0), S("2022 Indoor", 9.9), S("2022 Outdoor", 5.3), S("2023 Outdoor", 5.9), S("2024 Outdoor", 1.0));
        // 5.0, 5.3, 5.9 over 2021–2023: slope 0.9 / 2 = 0.45 through (2022, 5.4), read at 2024.
        Assert.Equal(6.3, Baselines.LinearTrend.Predict(three), 9);
        Assert.Equal(5.9, Baselines.LastSameLabelPeak.Predict(three), 9);
        Assert.Equal(6.525, Baselines.MeanOfPeaks.Predict(three), 9);

        var one = Last(S("2023 Indoor", 5.5), S("2023 Outdoor", 5.7), S("2024 Indoor", 5.6));
        Assert.Equal("Athlete 0 LJ: 2023 Indoor, 2023 Outdoor → 2024 Indoor", one.ToString());
        Assert.Equal(5.5, Baselines.LinearTrend.Predict(one), 9);
        Assert.Equal(5.7, Baselines.LastPeak.Predict(one), 9);
    }

    [Fact]
    public void Scores_pool_percent_errors_and_average_native_errors_by_family_and_event()
    {
        var w1 = Last(S("2023 Outdoor", 5.0), S("2024 Outdoor", 5.5));
        var w2 = Last(S("2023 Outdoor", 6.0), S("2024 Outdoor", 6.0));
        var forecasts = new[]
        {
            new WindowForecast(w1, 5.5, Forecasts(w1, 5.4)),
            new WindowForecast(w2, 6.0, Forecasts(w2, 6.3)),
        };
        var model = PredictorScore.Of(PredictorScore.ModelName, forecasts);
        Assert.Equal((0.1 / 5.5 + 0.3 / 6.0) / 2 * 100, model.PercentError, 9);
        Assert.Equal(0.2, model.MaeByFamily["Jump"], 9);
        Assert.Equal(0.2, model.MaeByEvent["LJ"], 9);
        var last = PredictorScore.Of(Baselines.LastSameLabelPeak.Name, forecasts);
        Assert.Equal((0.5 / 5.5 + 0) / 2 * 100, last.PercentError, 9);
        Assert.Equal(5.4, forecasts[0].Model);
        Assert.Contains("no forecast of 'oracle'", Assert.Throws<KeyNotFoundException>(() => forecasts[0].Of("oracle")).Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Baselines_are_predictors_of_windows_named_as_tables_list_them()
    {
        var windows = new[] { Last(S("2023 Outdoor", 5.0), S("2024 Outdoor", 5.5)), Last(S("2023 Indoor", 6.0), S("2023 Outdoor", 6.2), S("2024 Indoor", 6.1)) };
        IReadOnlyList<IPredictor<Window>> predictors = Baselines.All;
        Assert.Equal(["last same-label peak", "last peak (any label)", "mean of past peaks", "linear trend"], predictors.Select(p => p.Name));
        Assert.Equal([5.0, 6.0], Baselines.LastSameLabelPeak.Predict(windows));
        Assert.Equal([5.0, 6.2], Baselines.LastPeak.Predict(windows));
        Assert.Equal([5.0, (6.0 + 6.2) / 2], Baselines.MeanOfPeaks.Predict(windows));
        Assert.Equal([7.0, 7.0], new WindowBaseline("seven", _ => 7.0).Predict(windows));
        Assert.Throws<ArgumentException>(() => new WindowBaseline(" ", _ => 0));
    }

    /// <summary>The model's forecast and every baseline's, by name, as evaluation gathers them.</summary>
    private static Dictionary<string, double> Forecasts(Window window, double model)
    {
        var all = Baselines.All.ToDictionary(b => b.Name, b => b.Predict(window));
        all[PredictorScore.ModelName] = model;
        return all;
    }
}
