using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Predict;

namespace Lib.Tests.Track;

/// <summary>Marks pasted for a forecast, the errors that name their line, and the one-call predictor.</summary>
[Collection(TrackCollection.Name)]
public class PredictTests(TrackFixture fixture)
{
    private static readonly EventInfo TripleJump = EventCatalogue.Get("TJ");

    [Fact]
    public void Dated_and_undated_lines_parse_with_bare_numbers_in_the_events_unit()
    {
        var dated = MarkLines.Parse("# my season\n2026-03-28, 12.80\n\n4/11/2026, 13.05m, +1.2\n2026-04-25, FOUL\n2026-05-02, 42' 9\"\n", TripleJump, Season.Outdoor);
        Assert.Equal([2, 4, 6], dated.Select(m => m.Line));
        Assert.Equal([12.80, 13.05, 13.0302], dated.Select(m => Math.Round(m.Mark.Value!.Value, 4)));
        Assert.Equal((new DateOnly(2026, 4, 11), 1.2), (dated[1].Date!.Value, dated[1].Wind!.Value));

        var undated = MarkLines.Parse("53.10\n52.40\n", EventCatalogue.Get("400"), Season.Indoor);
        Assert.Equal([53.10, 52.40], undated.Select(m => m.Mark.Value!.Value));
        var season = TrackPredictStep.Season(undated, EventCatalogue.Get("400"), Season.Indoor);
        Assert.Equal((52.40, 7), (season.Peak, season.Marks[1].DaysSincePrevious));
    }

    [Theory]
    [InlineData("2026-03-28, 12.8x", "line 1: '12.8x': expected metres such as '7.45m' or feet and inches such as 24' 5.25\", not a Triple Jump mark.")]
    [InlineData("12.80\nMarch 28, 13.00", "line 2: 'March 28' is not a date: write 'date, mark[, wind]' with the date as 2026-04-12 or 4/12/2026, or just the mark.")]
    [InlineData("2026-01-20, 12.80", "line 1: 2026-01-20 falls in the Indoor season, not the Outdoor season chosen.")]
    [InlineData("2026-03-28, 12.80\n13.00", "line 2: no date, but line 1 has one: give a date on every line or on none.")]
    [InlineData("12.80\n2026-03-28, 13.00", "line 2: a date, but line 1 has none: give a date on every line or on none.")]
    [InlineData("2026-03-28, 12.80\n2025-04-12, 13.00", "line 2: 2025-04-12 is in the 2025 Outdoor season but line 1 is in the 2026 Outdoor season: paste one season's marks.")]
    [InlineData("2026-03-28, 12.80, windy", "line 1: wind 'windy': expected a wind reading such as '+1.2', '-0.5' or 'NWI'.")]
    [InlineData("2026-03-28, 12.80, +1.0, x", "line 1: 4 fields; expected 'date, mark' or 'date, mark, wind'.")]
    public void A_line_that_cannot_be_used_is_named_with_the_reason(string text, string expected) =>
        Assert.Equal(expected, Assert.Throws<MarkLineException>(() => MarkLines.Parse(text, TripleJump, Season.Outdoor)).Message);

    [Fact]
    public void No_marks_or_an_event_out_of_its_season_is_refused()
    {
        Assert.StartsWith("No marks", Assert.Throws<FormatException>(() => MarkLines.Parse("\n# nothing\nDNF\n", TripleJump, Season.Outdoor)).Message);
        Assert.Equal("line 1: Discus is not contested in the Indoor season.",
            Assert.Throws<MarkLineException>(() => MarkLines.Parse("40.00", EventCatalogue.Get("DT"), Season.Indoor)).Message);
    }

    [Fact]
    public void One_call_forecasts_from_a_model_folder_and_unknown_events_are_named()
    {
        var forecast = TrackPredictStep.Run(fixture.ModelDirectory, "women", "outdoor", "Triple Jump", "2026-03-28, 12.80\n2026-04-11, 13.05\n2026-04-25, 13.20");
        Assert.Equal((Gender.Women, Season.Outdoor, "TJ", 3), (forecast.Gender, forecast.Label, forecast.Event.Code, forecast.Marks));
        Assert.InRange(forecast.Value, 11.5, 15);
        Assert.Equal($"Predicted next Outdoor peak for Triple Jump: {forecast.Mark}", forecast.Sentence);
        Assert.Matches(@"^\d+\.\d\dm$", forecast.Mark);

        var model = TrackModels.Open(fixture.ModelDirectory, "men");
        Assert.Contains("'Tripple Jump' is not an event the catalogue knows; the men's model forecasts",
            Assert.Throws<ArgumentException>(() => TrackPredictStep.FindEvent(model, "Tripple Jump")).Message);
        Assert.Contains("holds the men's and the women's models: say which",
            Assert.Throws<ArgumentException>(() => TrackModels.Open(fixture.ModelDirectory)).Message);
        Assert.Contains("'summer' is not a season label", Assert.Throws<ArgumentException>(() => TrackPredictStep.ParseLabel("summer")).Message);
        Assert.Equal(Gender.Men, TrackModels.Open(Path.Combine(fixture.ModelDirectory, "men")).Gender);
    }
}
