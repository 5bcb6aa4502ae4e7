using Lib.Track.Cache;
using Lib.Track.Domain;
using Lib.Track.Ingest;
using Lib.Track.Model;
using Lib.Workflow;

namespace Lib.Track.Predict;

/// <summary>
/// Forecasts from athletes' histories: for each <see cref="ForecastRequest"/>, the peak of the first season of the
/// requested label after the athlete's latest mark (in any event), from the last K seasons of their history in the
/// event. A request that cannot be forecast — an unknown gender, event or label, a relay, an event not held in that
/// season, an event the model has no head for, no history in the event, no season of the label among the last K — is a
/// <see cref="RejectedRecord"/> with the reason, never dropped.
/// </summary>
public static class BatchForecaster
{
    /// <summary>The forecasts and the requests that could not be forecast.</summary>
    /// <param name="rows">The performances (any number of athletes, events and seasons).</param>
    /// <param name="requests">What to forecast.</param>
    /// <param name="modelOf">The model of a gender; may throw when there is none (the requests of that gender are then
    /// rejected with its message).</param>
    public static (List<BatchForecast> Forecasts, List<RejectedRecord> Rejected) Run(
        IReadOnlyList<Performance> rows,
        IReadOnlyList<ForecastRequest> requests,
        Func<Gender, TrackModel> modelOf
    )
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(requests);
        ArgumentNullException.ThrowIfNull(modelOf);
        var histories = HistoryBuilder.Build(rows);
        var byAthlete = histories
            .GroupBy(h => (Name: Normal(h.Athlete), h.Gender))
            .ToDictionary(g => g.Key, g => g.ToList());
        var models = new Dictionary<Gender, (TrackModel? Model, string? Error)>();
        var forecasts = new List<BatchForecast>();
        var rejected = new List<RejectedRecord>();
        foreach (var request in requests)
        {
            var forecast = Forecast(request, byAthlete, ModelOf, out var reason);
            if (forecast is null)
                rejected.Add(RejectedRecord.AtLine(request.Source, request.Line, reason!, request.Text));
            else
                forecasts.Add(forecast);
        }
        return (forecasts, rejected);

        (TrackModel? Model, string? Error) ModelOf(Gender gender)
        {
            if (!models.TryGetValue(gender, out var found))
            {
                try
                {
                    found = (modelOf(gender), null);
                }
                catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException)
                {
                    found = (null, e.Message);
                }
                models[gender] = found;
            }
            return found;
        }
    }

    /// <summary>The first season of <paramref name="label"/> after <paramref name="after"/> in time.</summary>
    public static SeasonId NextSeason(SeasonId after, Season label)
    {
        for (var year = after.Year - 1; ; year++)
            if (new SeasonId(label, year) is var candidate && candidate.Order > after.Order)
                return candidate;
    }

    private static BatchForecast? Forecast(
        ForecastRequest request,
        Dictionary<(string Name, Gender Gender), List<AthleteEventHistory>> byAthlete,
        Func<Gender, (TrackModel? Model, string? Error)> modelOf,
        out string? reason
    )
    {
        reason = null;
        if (GenderCodes.FromText(request.Gender) is not { } gender || gender == Gender.Mixed)
            return Fail($"gender '{request.Gender}' is not men or women", out reason);
        if (EventCatalogue.Find(request.Event) is not { } ev)
            return Fail($"'{request.Event}' is not an event the catalogue knows", out reason);
        if (ev.IsRelay)
            return Fail($"{ev.Name} is a relay: a team's mark, not an athlete's", out reason);
        if (SeasonNames.FromText(request.TargetLabel) is not { } label)
            return Fail($"target_label '{request.TargetLabel}' is not indoor, outdoor or xc", out reason);
        if (!ev.Seasons.HasFlag(label.AsSet()))
            return Fail($"{ev.Name} is not contested in the {SeasonId.LabelName(label)} season", out reason);
        var (model, modelError) = modelOf(gender);
        if (model is null)
            return Fail(modelError!, out reason);
        if (!model.Encoder.Knows(ev.Code))
            return Fail(
                $"the {TrackModels.Possessive(gender)} model has no head for {ev.Name} ({ev.Code}): it had no "
                    + "training windows",
                out reason
            );
        var who = $"{request.Athlete} ({TrackModels.Name(gender)})";
        if (!byAthlete.TryGetValue((Normal(request.Athlete), gender), out var athlete))
            return Fail($"no marks of {who} in the performances", out reason);
        var history = athlete.FirstOrDefault(h => h.Event.Code == ev.Code);
        if (history is null)
            return Fail(
                $"no history in {ev.Name}: {who} has marks in "
                    + string.Join(", ", athlete.Select(h => h.Event.Code).Distinct()),
                out reason
            );

        // The athlete's latest mark, in any event, fixes the season forecast.
        var latest = athlete.Select(h => h.Seasons[^1]).MaxBy(s => (s.Marks[^1].Date, s.Season.Order))!;
        var target = NextSeason(latest.Season, label);
        var inputs = history.Seasons.Skip(Math.Max(0, history.Seasons.Count - model.Config.Seasons)).ToList();
        if (!inputs.Any(s => s.Season.Label == label))
            return Fail(
                $"none of the last {inputs.Count} {ev.Code} season(s) "
                    + $"({string.Join(", ", inputs.Select(s => s.Season))}) is {SeasonId.LabelName(label)}: the model "
                    + "forecasts a label from a history holding one",
                out reason
            );
        var forecast = TrackPredictStep.Run(model, ev, inputs, label);
        return new BatchForecast(
            request.Athlete,
            TrackModels.Name(gender),
            request.Event,
            label.Code(),
            target.ToString(),
            forecast.Value,
            forecast.Mark,
            inputs.Count
        );
    }

    private static string Normal(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToUpperInvariant();

    private static BatchForecast? Fail(string why, out string? reason)
    {
        reason = why;
        return null;
    }
}
