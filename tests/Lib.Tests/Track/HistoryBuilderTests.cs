using Lib.Track;
using Lib.Track.Cache;
using Lib.Track.Domain;
using Lib.Track.Ingest;

namespace Lib.Tests.Track;

/// <summary>Histories and seasons from hand-made rows: seasons by label and year, peaks by direction, days between marks, what is left out.</summary>
public class HistoryBuilderTests
{
    private static int _line;

    internal static Performance Row(string athlete, string ev, string mark, string date, Gender gender = Gender.Men, Season? season = null, double? wind = null)
    {
        var info = EventCatalogue.Get(ev);
        var day = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        return new Performance
        {
            Source = "test", File = "test.csv", Line = ++_line, AthleteKey = "test:" + athlete, Athlete = athlete, Gender = gender, Event = info,
            Mark = Mark.Parse(mark, info.Unit), Wind = wind is { } w ? Wind.Of(w) : null, Date = day, Season = season ?? SeasonInference.Infer(info, day)!.Value,
        };
    }

    [Fact]
    public void Marks_group_into_seasons_in_time_order_with_peaks_by_the_events_direction()
    {
        var histories = HistoryBuilder.Build(
        [
            Row("Ann", "200", "24.10", "2024-04-06"),
            Row("Ann", "200", "24.50", "2024-01-20"),
            Row("Ann", "200", "24.30", "2024-02-10"),
            Row("Ann", "200", "23.90", "2024-05-11", wind: 1.5),
            Row("Ann", "200", "24.00", "2024-12-07"), // indoor, counts for 2025 Indoor
            Row("Ann", "LJ", "6.10m", "2024-04-06"),
            Row("Ann", "LJ", "6.30m", "2024-04-20"),
            Row("Ann", "LJ", "FOUL", "2024-05-01"),
            Row("Ann", "4x400", "3:40.00", "2024-05-01"),
            Row("Ann", "200", "24.20", "2024-02-10", gender: Gender.Women),
        ]);

        Assert.Equal(["Ann M 200", "Ann M LJ", "Ann F 200"], histories.Select(f => $"{f.Athlete} {f.Gender.Code()} {f.Event.Code}"));
        Assert.Equal([0, 1, 2], histories.Select(f => f.Id));
        var sprint = histories[0];
        Assert.Equal(["2024 Indoor", "2024 Outdoor", "2025 Indoor"], sprint.Seasons.Select(s => s.Season.ToString()));
        Assert.Equal([24.30, 23.90, 24.00], sprint.Seasons.Select(s => s.Peak));
        Assert.Equal([0, 21], sprint.Seasons[0].Marks.Select(m => m.DaysSincePrevious));
        Assert.Equal([56, 35], sprint.Seasons[1].Marks.Select(m => m.DaysSincePrevious));
        Assert.Equal(1.5, sprint.Seasons[1].Marks[1].Wind);
        Assert.Equal(210, sprint.Seasons[2].Marks[0].DaysSincePrevious);
        var jump = histories[1];
        Assert.Equal(6.30, Assert.Single(jump.Seasons).Peak); // higher is better; the FOUL has no value
        Assert.Equal(2, jump.Seasons[0].Marks.Count);
    }

    [Fact]
    public void The_same_value_on_the_same_day_counts_once_and_an_interrupted_season_is_merged()
    {
        var histories = HistoryBuilder.Build(
        [
            Row("Bo", "Mile", "4:20.00", "2025-03-01"),
            Row("Bo", "Mile", "4:20.00", "2025-03-01"),
            Row("Bo", "Mile", "4:18.00", "2025-03-14", season: Season.Outdoor),
            Row("Bo", "Mile", "4:19.00", "2025-03-15"),
        ]);
        var seasons = Assert.Single(histories).Seasons;
        Assert.Equal(["2025 Indoor", "2025 Outdoor"], seasons.Select(s => s.Season.ToString()));
        Assert.Equal(2, seasons[0].Marks.Count);
        Assert.Equal(4 * 60 + 19, seasons[0].Peak);
    }

    [Fact]
    public void A_time_run_over_another_distance_is_not_the_events_mark_but_other_markers_are()
    {
        var histories = HistoryBuilder.Build(
        [
            Row("Cy", "60", "6.95", "2025-01-11"),
            Row("Cy", "60", "6.40(55)", "2025-01-18"), // a 55 m time printed in the 60 m list
            Row("Cy", "60", "6.90 @(1)", "2025-02-01"),
            Row("Cy", "60", "6.88%", "2025-02-15"),
            Row("Cy", "60", "6.99(60)", "2025-02-22"), // the event's own distance
        ]);
        var season = Assert.Single(Assert.Single(histories).Seasons);
        Assert.Equal([6.95, 6.90, 6.88, 6.99], season.Marks.Select(m => m.Value));
        Assert.Equal(6.88, season.Peak);
    }
}
