using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Domain;

namespace Lib.Tests.Track;

/// <summary>Windows, the time-aware split and the standardisation: on hand-made histories and on the bundled data.</summary>
[Collection(TrackCollection.Name)]
public class WindowsTests(TrackFixture fixture)
{
    internal static HistorySeason S(string season, params double[] marks) =>
        new(SeasonId.Parse(season), marks.Min(), [.. marks.Select((m, i) => new MarkPoint(SeasonId.Parse(season).Start.AddDays(7 * i), m, i == 0 ? 0 : 7))]);

    internal static AthleteEventHistory F(int id, string ev, params HistorySeason[] seasons) => new(id, $"test:{id}", $"Athlete {id}", Gender.Women, EventCatalogue.Get(ev), seasons);

    [Fact]
    public void A_window_forecasts_each_season_that_has_a_same_label_season_among_the_K_before_it()
    {
        var history = F(0, "200", S("2022 Indoor", 25.0), S("2022 Outdoor", 24.8), S("2023 Indoor", 24.9), S("2023 Outdoor", 24.5),
            S("2024 Outdoor", 24.4), S("2025 Indoor", 24.6));
        var windows = Windows.Build([history], seasons: 2);

        Assert.Equal(
        [
            "Athlete 0 200: 2022 Indoor, 2022 Outdoor → 2023 Indoor",
            "Athlete 0 200: 2022 Outdoor, 2023 Indoor → 2023 Outdoor",
            "Athlete 0 200: 2023 Indoor, 2023 Outdoor → 2024 Outdoor",
            // 2025 Indoor: the two seasons before it are both outdoor, so the window would have no same-label season.
        ], windows.Select(w => w.ToString()));
        Assert.Equal(4, Windows.Build([history], seasons: 4).Count);
        var last = Windows.Build([history], seasons: 4)[^1];
        Assert.Equal(("2024 Outdoor", "2023 Indoor", 24.6), (last.Last.Season.ToString(), last.LastSameLabel.Season.ToString(), last.Actual));
    }

    [Fact]
    public void The_split_holds_out_the_latest_target_seasons_and_trains_only_on_earlier_ones()
    {
        var windows = Windows.Build(fixture.Data.Histories, 4);
        var plan = SplitPlan.Latest(windows, testSeasons: 2, validationSeasons: 2);
        Assert.Equal("2025 Outdoor, 2025 XC | 2026 Indoor, 2026 Outdoor", plan.ToString());

        var train = plan.Select(windows, WindowSplit.Train);
        var validation = plan.Select(windows, WindowSplit.Validation);
        var test = plan.Select(windows, WindowSplit.Test);
        Assert.Equal(windows.Count, train.Count + validation.Count + test.Count);
        Assert.True(train.Count > 1500 && validation.Count > 400 && test.Count > 1000, $"{train.Count} / {validation.Count} / {test.Count}");

        // No leakage: nothing a training window touches (input seasons, target, every mark's date) is from a validation or
        // test season, or dated after the day the first validation season begins.
        var held = plan.Validation.Concat(plan.Test).ToHashSet();
        var firstHeldDay = held.Min(s => s.Start);
        foreach (var w in train)
        {
            Assert.All(w.Inputs.Append(w.TargetSeason), s => Assert.DoesNotContain(s.Season, held));
            Assert.All(w.Inputs.Append(w.TargetSeason), s => Assert.True(s.Season.Order < plan.Cutoff.Order, $"{w} reaches {s.Season}"));
            Assert.All(w.Inputs.Append(w.TargetSeason).SelectMany(s => s.Marks), m => Assert.True(m.Date < firstHeldDay, $"{w} has a mark on {m.Date}"));
        }
        Assert.All(validation, w => Assert.All(w.Inputs.Append(w.TargetSeason), s => Assert.DoesNotContain(s.Season, plan.Test)));
        Assert.All(test, w => Assert.Contains(w.TargetSeason.Season, plan.Test));
    }

    [Fact]
    public void The_split_needs_enough_seasons_and_a_later_season_in_neither_list_is_left_out()
    {
        var history = F(0, "LJ", S("2023 Outdoor", 5.0), S("2024 Outdoor", 5.2), S("2025 Outdoor", 5.3));
        var windows = Windows.Build([history], 4);
        Assert.Contains("a split into 2 test, 2 validation and at least one training season needs 5",
            Assert.Throws<ArgumentException>(() => SplitPlan.Latest(windows)).Message);
        var plan = new SplitPlan([SeasonId.Parse("2024 Outdoor")], [SeasonId.Parse("2024 Indoor")]);
        Assert.Equal([WindowSplit.Validation, null], windows.Select(plan.Of));
    }

    [Fact]
    public void Standardisation_is_fitted_on_training_windows_only()
    {
        var early = F(0, "400", S("2023 Indoor", 60), S("2024 Indoor", 58));
        var late = F(1, "400", S("2024 Indoor", 70), S("2025 Indoor", 90));
        var windows = Windows.Build([early, late], 4);
        var plan = new SplitPlan([SeasonId.Parse("2025 Indoor")], [SeasonId.Parse("2026 Indoor")]);
        var scales = EventScales.Fit(plan.Select(windows, WindowSplit.Train));
        var scale = Assert.Single(scales).Value;
        Assert.Equal(59, scale.Mean, 9); // the 2025 Indoor target (and its inputs) stay out
        Assert.Equal(1, scale.Std, 9);
        Assert.Equal(-1, scale.ToZ(58), 9);
        Assert.Equal(61, scale.FromZ(2), 9);
    }

    [Fact]
    public void A_window_encodes_to_features_and_collates_into_slots()
    {
        var history = F(0, "200", S("2024 Indoor", 25.0, 24.8), S("2024 Outdoor", 24.6, 24.4, 24.5), S("2025 Indoor", 24.5));
        var window = Windows.Build([history], 4)[^1];
        var encoder = new WindowEncoder(["100", "200"], new Dictionary<string, EventScale> { ["100"] = new(12, 1), ["200"] = new(25, 0.5) }, 2, ResidualBase.LastPeak);
        var sample = encoder.Encode(window);

        Assert.Equal([6, 6], sample.Seasons.Select(s => s.Length)); // L = 2: the outdoor season keeps its last two marks
        Assert.Equal([-1.2f, -1f], sample.Seasons[1].Where((_, i) => i % 3 == 0), new FloatTolerance());
        Assert.Equal((float)(Math.Log(8) / 6), sample.Seasons[1][4], 5);
        Assert.Equal([0, 1], sample.Labels);
        Assert.Equal((0, 1), (sample.TargetLabel, sample.Event));
        Assert.Equal([0.8f, 0f], sample.Summary, new FloatTolerance()); // z(24.8) − z(24.4); the last season is outdoor, not indoor
        Assert.Equal((-1.2f, -1f), (sample.Base, sample.Target), new FloatTupleTolerance());

        var batch = TrackBatch.Collate([sample, sample with { Seasons = [sample.Seasons[0]], Labels = [0] }], seasons: 3);
        Assert.Equal([3, 2, 3], batch.Marks.Shape); // S = 3 seasons of at most T = 2 marks, 3 features
        Assert.Equal([0, 1, 3, 2, 3, 3], batch.SeasonSlots.ToArray());
        Assert.Equal([2, 1], batch.SeasonCounts.ToArray());
        Assert.Equal([2, 2, 2], batch.MarkLengths.ToArray());
    }

    [Fact]
    public void Encoding_without_a_same_label_season_or_for_an_unknown_event_is_refused()
    {
        var encoder = new WindowEncoder(["200"], new Dictionary<string, EventScale> { ["200"] = new(25, 0.5) }, 32, ResidualBase.LastPeak);
        Assert.Contains("include none labelled Outdoor", Assert.Throws<ArgumentException>(() => encoder.Encode(EventCatalogue.Get("200"), [S("2024 Indoor", 25)], Season.Outdoor)).Message);
        Assert.Contains("no head for 400 Meters (400); it knows 200", Assert.Throws<KeyNotFoundException>(() => encoder.Encode(EventCatalogue.Get("400"), [S("2024 Indoor", 55)], Season.Indoor)).Message);
    }

    private sealed class FloatTolerance : IEqualityComparer<float>
    {
        public bool Equals(float a, float b) => Math.Abs(a - b) < 1e-5;
        public int GetHashCode(float v) => 0;
    }

    private sealed class FloatTupleTolerance : IEqualityComparer<(float, float)>
    {
        public bool Equals((float, float) a, (float, float) b) => Math.Abs(a.Item1 - b.Item1) < 1e-5 && Math.Abs(a.Item2 - b.Item2) < 1e-5;
        public int GetHashCode((float, float) v) => 0;
    }
}
