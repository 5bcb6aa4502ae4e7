using System.Globalization;
using Lib.Storage;
using Lib.Track.Cache;
using Lib.Track.Domain;
using Lib.Track.Ingest;
using Lib.Track.Model;
using Lib.Track.Predict;
using Lib.Track.Scrape;

namespace Lib.Tests.Track;

/// <summary>Batch forecasts from a history file (issue 19): every request forecast or listed with its reason, the
/// forecasts equal to the model's on the same histories.</summary>
[Collection(TrackCollection.Name)]
public class BatchForecastTests(TrackFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static readonly string[] Athletes = ["ASHLYN GILES", "GRANT GOGEL"];

    /// <summary>Two real athletes' full histories from the bundled Big South file, in the batch format: ISO dates,
    /// gender as a word, events as written there, the label given on every other row (inferred on the rest), and a
    /// relay row and an unreadable row.</summary>
    private string Performances()
    {
        var lines = new List<string> { "athlete,gender,event,date,mark,label" };
        var n = 0;
        foreach (var row in CsvFile.ReadTable(Path.Combine(RepoPaths.Data, "tfrrs", PerformanceSources.BigSouthFile)))
        {
            var f = row.Fields;
            if (!Athletes.Contains(f["name"]))
                continue;
            Assert.True(RowParser.TryDate(f["performance_date"], out var date, out _));
            var ev = EventCatalogue.Get(f["event"]);
            var label = n++ % 2 == 0 ? SeasonInference.Infer(ev, date)!.Value.Code() : "";
            var gender = f["gender"] == "F" ? "women" : "men";
            lines.Add($"{f["name"]},{gender},{f["event"]},{date:yyyy-MM-dd},\"{f["mark"]}\",{label}");
        }
        lines.Add("GRANT GOGEL,men,4x400,2026-04-11,3:15.00,outdoor");
        lines.Add("GRANT GOGEL,men,PV,2026-04-11,high,outdoor");
        return _dir.File("performances.csv", string.Join('\n', lines) + "\n");
    }

    [Fact]
    public void Every_request_is_forecast_or_listed_with_its_reason_and_forecasts_are_the_models()
    {
        var requests = _dir.File("requests.csv", """
            athlete,gender,event,target_label
            ASHLYN GILES,women,Shot Put,outdoor
            ASHLYN GILES,women,SP,indoor
            Grant  Gogel,men,PV,outdoor
            GRANT GOGEL,men,Sack Race,outdoor
            GRANT GOGEL,men,4x400,outdoor
            GRANT GOGEL,men,Javelin,outdoor
            NOBODY,men,PV,outdoor
            ASHLYN GILES,women,SP,summer
            ASHLYN GILES,women,Discus,indoor
            ASHLYN GILES,women
            """);
        var output = Path.Combine(_dir.Path, "out", "forecasts.csv");
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        var outcome = TrackPredictStep.RunBatch(fixture.ModelDirectory, Performances(), requests, output);

        // The forecasts, checked against the model on the cache's own histories of the same athletes.
        Assert.Equal(
            ["athlete", "gender", "event", "target_label", "target_season", "predicted_peak", "predicted_mark", "history_seasons"],
            CsvFile.ReadHeader(output));
        Assert.Equal(3, outcome.Forecasts.Count);
        foreach (var (forecast, name, gender, code) in outcome.Forecasts.Zip(
            [("ASHLYN GILES", Gender.Women, "SP"), ("ASHLYN GILES", Gender.Women, "SP"), ("GRANT GOGEL", Gender.Men, "PV")],
            (f, e) => (f, e.Item1, e.Item2, e.Item3)))
        {
            var model = TrackModels.Open(fixture.ModelDirectory, TrackModels.Name(gender));
            var key = $"big_south:{name}|{gender.Code()}";
            var mine = fixture.Data.Histories.Where(h => h.AthleteKey == key).ToList();
            var history = mine.Single(h => h.Event.Code == code);
            var label = SeasonNames.FromText(forecast.TargetLabel)!.Value;
            var inputs = history.Seasons.TakeLast(model.Config.Seasons).ToList();
            var expected = model.Predict([model.Encoder.Encode(history.Event, inputs, label)])[0];
            Assert.Equal(expected, forecast.PredictedPeak, 9);
            Assert.Equal(Mark.Format(expected, history.Event.Unit), forecast.PredictedMark);
            Assert.Equal(inputs.Count, forecast.HistorySeasons);
            var latest = mine.Select(h => h.Seasons[^1]).MaxBy(s => s.Marks[^1].Date)!.Season;
            var target = SeasonId.Parse(forecast.TargetSeason);
            Assert.Equal(label, target.Label);
            Assert.True(target.Order > latest.Order && target.Order - latest.Order <= 3, $"{latest} → {target}");
            Assert.Equal(TrackModels.Name(gender), forecast.Gender);
        }
        Assert.Equal(["outdoor", "indoor", "outdoor"], outcome.Forecasts.Select(f => f.TargetLabel));
        Assert.Equal(3, RecordTable.Read<BatchForecast>(output).Count);

        // Every other request is listed with its line and reason; nothing is dropped.
        Assert.Equal(
            [
                ("line 5", "'Sack Race' is not an event the catalogue knows"),
                ("line 6", "4 x 400 Relay is a relay: a team's mark, not an athlete's"),
                ("line 7", "no history in Javelin: GRANT GOGEL (men) has marks in PV"),
                ("line 8", "no marks of NOBODY (men) in the performances"),
                ("line 9", "target_label 'summer' is not indoor, outdoor or xc"),
                ("line 10", "Discus is not contested in the Indoor season"),
            ],
            outcome.Rejected.Where(r => r.Location != "line 11").Select(r => (r.Location, r.Reason)));
        Assert.Contains(outcome.Rejected, r => r.Location == "line 11" && r.Reason.Contains("fields"));
        Assert.Equal(7, outcome.Rejected.Count);
        Assert.Equal(
            [("line", "a relay"), ("line", "mark 'high'")],
            outcome.InputRejected.Select(r => (r.Location.Split(' ')[0], r.Reason.Contains("relay") ? "a relay" : r.Reason[..11])).OrderBy(x => x.Item2));
        var file = CsvFile.ReadTable(outcome.RejectedPath!);
        Assert.Equal(7 + 2, file.Count);
        Assert.Equal(Path.Combine(_dir.Path, "out", "forecasts.rejected.csv"), outcome.RejectedPath);
        Assert.StartsWith("3 forecasts, 7 requests could not be forecast;", outcome.Summary);
    }

    [Fact]
    public void A_missing_column_or_model_folder_is_refused_naming_it()
    {
        var requests = _dir.File("bad-requests.csv", "athlete,gender,event\nA,men,PV\n");
        var output = Path.Combine(_dir.Path, "f.csv");
        Assert.Contains("lacks the column(s) target_label",
            Assert.Throws<FormatException>(() => TrackPredictStep.RunBatch(fixture.ModelDirectory, Performances(), requests, output)).Message);
        var performances = _dir.File("bad-performances.csv", "athlete,gender,date,mark\nA,men,2025-01-01,8.00\n");
        Assert.Contains("lacks the column(s) event",
            Assert.Throws<FormatException>(() => TrackPredictStep.RunBatch(fixture.ModelDirectory, performances, requests, output)).Message);
        var good = _dir.File("requests.csv", "athlete,gender,event,target_label\nGRANT GOGEL,men,PV,outdoor\n");
        Assert.Contains("does not exist",
            Assert.Throws<DirectoryNotFoundException>(() => TrackPredictStep.RunBatch(Path.Combine(_dir.Path, "none"), Performances(), good, output)).Message);
        Assert.False(File.Exists(output));
    }

    [Theory]
    [InlineData("2025 Outdoor", Season.Indoor, "2026 Indoor")]
    [InlineData("2025 Outdoor", Season.Outdoor, "2026 Outdoor")]
    [InlineData("2025 Outdoor", Season.CrossCountry, "2025 XC")]
    [InlineData("2026 Indoor", Season.Outdoor, "2026 Outdoor")]
    [InlineData("2026 Indoor", Season.Indoor, "2027 Indoor")]
    [InlineData("2025 XC", Season.Indoor, "2026 Indoor")]
    public void The_target_is_the_first_season_of_the_label_after_the_latest(string latest, Season label, string next) =>
        Assert.Equal(next, BatchForecaster.NextSeason(SeasonId.Parse(latest), label).ToString());

    [Fact]
    public async Task An_athlete_page_gives_the_next_indoor_and_outdoor_peak_of_each_event()
    {
        var scrape = TrackScrapeRequest.Under(_dir.Path, [TrackScraper.Canonical("/athletes/6873033/Moravian/Shane__Houghton.html")])
            with { MirrorFolder = RepoPaths.TfrrsHtml };
        var outcome = await TrackPredictStep.RunAthleteAsync(fixture.ModelDirectory, scrape);

        Assert.All(outcome.Forecasts, f => Assert.Equal(("SHANE HOUGHTON", "men"), (f.Athlete, f.Gender)));
        var asked = outcome.Forecasts.Select(f => $"{f.Event} {f.TargetLabel}")
            .Concat(outcome.Rejected.Select(r => r.Location)).ToList();
        // Every track event of the page for each label it is held in; cross-country events are not asked.
        Assert.Equal(asked.Count, asked.Distinct().Count());
        Assert.Contains("3000SC outdoor", asked);
        Assert.DoesNotContain(asked, a => a.StartsWith("3000SC indoor", StringComparison.Ordinal) || a.StartsWith("8K", StringComparison.Ordinal));
        Assert.Contains(outcome.Rejected, r => r.Location == "Mile, outdoor" && r.Reason.Contains("is Outdoor: the model forecasts a label"));
        Assert.All(outcome.Forecasts, f => Assert.Equal(f.TargetLabel == "indoor" ? "2023 Indoor" : "2023 Outdoor", f.TargetSeason));
        Assert.True(outcome.Forecasts.Count >= 5, string.Join("; ", outcome.Forecasts));
    }
}
