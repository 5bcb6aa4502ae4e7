using System.Globalization;
using Lib.Storage;
using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Evaluate;
using Lib.Track.Ingest;
using Lib.Track.Model;

namespace Lib.Track.Predict;

/// <summary>
/// A cross-check of the batch command on data the model never saw: <see cref="Prepare"/> cuts a table of performances
/// at a date and writes the marks before it (<c>performances.csv</c>), the forecasts to ask for (<c>requests.csv</c>:
/// each athlete's events, for the first indoor and outdoor season after their latest mark, when that season has marks
/// after the cut) and what happened (<c>truth.csv</c>); <c>lab track predict --input --requests --out</c> forecasts;
/// <see cref="Score"/> scores the forecasts against the truth beside the baselines, each computed from exactly the
/// seasons the forecast read.
/// </summary>
public static class TrackCrossCheck
{
    /// <summary>The performances file's name.</summary>
    public const string PerformancesFile = "performances.csv";

    /// <summary>The requests file's name.</summary>
    public const string RequestsFile = "requests.csv";

    /// <summary>The truth file's name.</summary>
    public const string TruthFile = "truth.csv";

    /// <summary>The forecasts file's name (the batch command's <c>--out</c>).</summary>
    public const string ForecastsFile = "forecasts.csv";

    /// <summary>
    /// Writes a cross-check set into <paramref name="directory"/> from <paramref name="rows"/> cut at
    /// <paramref name="cut"/>. <paramref name="seasons"/> is the model's K (a request needs a season of its label among
    /// the last K); <paramref name="perGender"/> keeps that many requests per gender (a seeded sample).
    /// </summary>
    public static CrossCheckSet Prepare(
        IReadOnlyList<Performance> rows,
        DateOnly cut,
        string directory,
        int seasons = 4,
        int? perGender = null,
        int seed = 0
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        ArgumentOutOfRangeException.ThrowIfLessThan(seasons, 1);
        var usable = rows.Where(r =>
                !r.Event.IsRelay && r.Mark.IsValid && r.Date is not null && r.AthleteKey is not null
            )
            .ToList();
        var before = usable.Where(r => r.Date < cut).ToList();
        var names = Names(before);
        var past = HistoryBuilder.Build(before).GroupBy(h => h.AthleteKey).ToDictionary(g => g.Key, g => g.ToList());
        var all = HistoryBuilder.Build(usable)
            .ToDictionary(h => (h.AthleteKey, h.Event.Code), h => h);
        var requests = new List<(Gender Gender, string Key, RequestRow Request, CrossCheckTruth Truth)>();
        foreach (var (key, histories) in past.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!names.TryGetValue(key, out var name))
                continue;
            var latest = histories.Select(h => h.Seasons[^1]).MaxBy(s => (s.Marks[^1].Date, s.Season.Order))!;
            foreach (var label in new[] { Season.Indoor, Season.Outdoor })
            {
                var target = BatchForecaster.NextSeason(latest.Season, label);
                foreach (var history in histories.OrderBy(h => h.Event.Code, StringComparer.Ordinal))
                {
                    var inputs = history.Seasons.TakeLast(seasons).ToList();
                    if (!history.Event.Seasons.HasFlag(label.AsSet()) || !inputs.Any(s => s.Season.Label == label))
                        continue;
                    var actual = all[(key, history.Event.Code)].Seasons.FirstOrDefault(s => s.Season == target);
                    if (actual is null)
                        continue;
                    var gender = TrackModels.Name(history.Gender);
                    requests.Add(
                        (
                            history.Gender,
                            key,
                            new RequestRow(name, gender, history.Event.Code, label.Code()),
                            new CrossCheckTruth(
                                name,
                                gender,
                                history.Event.Code,
                                label.Code(),
                                target.ToString(),
                                actual.Peak
                            )
                        )
                    );
                }
            }
        }
        if (perGender is { } limit)
        {
            var random = new Random(seed);
            requests =
            [
                .. requests
                    .GroupBy(r => r.Gender)
                    .OrderBy(g => g.Key)
                    .SelectMany(g => g.OrderBy(_ => random.Next()).Take(limit))
                    .OrderBy(r => r.Key, StringComparer.Ordinal)
                    .ThenBy(r => r.Request.Event, StringComparer.Ordinal)
                    .ThenBy(r => r.Request.TargetLabel, StringComparer.Ordinal),
            ];
        }
        var athletes = requests.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var written = before
            .Where(r => athletes.Contains(r.AthleteKey!))
            .OrderBy(r => r.AthleteKey, StringComparer.Ordinal)
            .ThenBy(r => r.Date)
            .Select(r => new HistoryRow(
                names[r.AthleteKey!],
                TrackModels.Name(r.Gender),
                r.Event.Code,
                r.Date!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                Mark.Format(r.Mark.Value!.Value, r.Event.Unit),
                r.Wind?.Value is { } w ? Wind.Format(w) : "",
                (r.Season ?? SeasonId.Of(Season.Outdoor, r.Date!.Value).Label).Code()
            ))
            .ToList();
        Directory.CreateDirectory(directory);
        var set = new CrossCheckSet(
            directory,
            Path.Combine(directory, PerformancesFile),
            Path.Combine(directory, RequestsFile),
            Path.Combine(directory, TruthFile),
            written.Count,
            requests.GroupBy(r => TrackModels.Name(r.Gender)).ToDictionary(g => g.Key, g => g.Count())
        );
        RecordTable.Write(written, set.Performances);
        RecordTable.Write(requests.Select(r => r.Request), set.Requests);
        RecordTable.Write(requests.Select(r => r.Truth), set.Truth);
        return set;
    }

    /// <summary>
    /// Scores <paramref name="forecastsPath"/> (the batch command's output) against <paramref name="truthPath"/>, with
    /// the baselines computed from <paramref name="performancesPath"/>: for each forecast, the last
    /// <c>history_seasons</c> seasons of the athlete's history in the event, the seasons the model read.
    /// </summary>
    public static CrossCheckReport Score(string performancesPath, string truthPath, string forecastsPath)
    {
        var performances = new HistoryCsv(performancesPath).Read();
        var histories = HistoryBuilder.Build(performances.Rows)
            .GroupBy(h => (Normal(h.Athlete), h.Gender, h.Event.Code))
            .ToDictionary(g => g.Key, g => g.First());
        var truth = RecordTable.Read<CrossCheckTruth>(truthPath);
        var forecasts = RecordTable
            .Read<BatchForecast>(forecastsPath)
            .GroupBy(f => Key(f.Athlete, f.Gender, f.Event, f.TargetLabel))
            .ToDictionary(g => g.Key, g => g.First());
        var scored = new List<(string Gender, WindowForecast Forecast)>();
        foreach (var t in truth)
        {
            if (!forecasts.TryGetValue(Key(t.Athlete, t.Gender, t.Event, t.TargetLabel), out var f))
                continue;
            if (f.TargetSeason != t.TargetSeason)
                throw new InvalidDataException(
                    $"{forecastsPath}: {t.Athlete} {t.Event} {t.TargetLabel} is forecast for {f.TargetSeason}, but "
                        + $"{truthPath} has the actual peak of {t.TargetSeason}."
                );
            var gender = GenderCodes.FromText(t.Gender)!.Value;
            var ev = EventCatalogue.Get(t.Event);
            if (!histories.TryGetValue((Normal(t.Athlete), gender, ev.Code), out var history))
                throw new InvalidDataException(
                    $"{performancesPath}: no {ev.Code} history of {t.Athlete} ({t.Gender})."
                );
            var inputs = history.Seasons.TakeLast(f.HistorySeasons).ToList();
            var target = new HistorySeason(SeasonId.Parse(t.TargetSeason), t.ActualPeak, []);
            var window = new Window(history with { Seasons = [.. inputs, target] }, 0, inputs.Count);
            var values = new Dictionary<string, double>(StringComparer.Ordinal)
            {
                [TrackModel.PredictorName] = f.PredictedPeak,
            };
            foreach (var baseline in Baselines.All)
                values[baseline.Name] = baseline.Predict(window);
            scored.Add((t.Gender, new WindowForecast(window, t.ActualPeak, values)));
        }
        var names = new[] { TrackModel.PredictorName }.Concat(Baselines.All.Select(b => b.Name)).ToList();
        var genders = scored
            .GroupBy(s => s.Gender)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var list = g.Select(s => s.Forecast).ToList();
                return new CrossCheckGender(g.Key, list, [.. names.Select(n => PredictorScore.Of(n, list))]);
            })
            .ToList();
        return new CrossCheckReport(genders, truth.Count, truth.Count - scored.Count);
    }

    /// <summary>A unique name per athlete key: the name, with the team in brackets when the source gives one.</summary>
    private static Dictionary<string, string> Names(IEnumerable<Performance> rows)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<(string, Gender)>();
        foreach (var g in rows.GroupBy(r => r.AthleteKey!).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = g.First();
            var name = string.IsNullOrWhiteSpace(first.Team) ? first.Athlete! : $"{first.Athlete} ({first.Team})";
            if (taken.Add((Normal(name), first.Gender))) // a second athlete of the same name and team is left out
                names[g.Key] = name;
        }
        return names;
    }

    private static string Key(string athlete, string gender, string ev, string label) =>
        $"{Normal(athlete)}|{GenderCodes.FromText(gender)}|{EventCatalogue.Find(ev)?.Code ?? ev}|{label}";

    private static string Normal(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();
}
