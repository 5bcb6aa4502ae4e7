using System.Globalization;
using Lib.Track.Domain;
using Lib.Track.Model;

namespace Lib.Track.Predict;

/// <summary>
/// The predict step, the one orchestration <c>lab track predict</c> and <c>notebooks/track/05-predict.dib</c> call: the
/// next
/// peak of an event's season label from marks, a season pasted as text (<see cref="MarkLines"/>) or a history of
/// seasons.
/// One call does it all from a model folder:
/// <c>TrackPredictStep.Run("artifacts/track/model", "women", "outdoor", "Triple Jump", "2026-03-28, 12.80\n2026-04-11,
/// 13.05")</c>.
/// </summary>
public static class TrackPredictStep
{
    /// <summary>Days assumed between undated marks.</summary>
    public const int UndatedSpacingDays = 7;

    /// <summary>Loads the model of <paramref name="gender"/> from <paramref name="modelFolder"/> and forecasts from
    /// pasted marks.</summary>
    /// <param name="modelFolder">A model's folder (holding model.json), or the folder holding <c>men/</c> and
    /// <c>women/</c>.</param>
    /// <param name="gender"><c>men</c>/<c>women</c> (or M/F); may be null when the folder holds one model.</param>
    /// <param name="label">The season label: indoor, outdoor or xc.</param>
    /// <param name="eventText">The event: a name or code the catalogue knows (<c>Triple Jump</c>, <c>TJ</c>).</param>
    /// <param name="marks">The season's marks, one per line.</param>
    public static TrackForecast Run(string modelFolder, string? gender, string label, string eventText, string marks) =>
        Run(TrackModels.Open(modelFolder, gender), ParseLabel(label), eventText, marks);

    /// <summary>Forecasts the next <paramref name="label"/> peak of the event from one season of pasted
    /// marks.</summary>
    public static TrackForecast Run(TrackModel model, Season label, string eventText, string marks)
    {
        ArgumentNullException.ThrowIfNull(model);
        var ev = FindEvent(model, eventText);
        var pasted = MarkLines.Parse(marks, ev, label);
        return Run(model, ev, [Season(pasted, ev, label)], label);
    }

    /// <summary>Forecasts the next <paramref name="label"/> peak from a history of seasons (oldest first; the model
    /// reads the last K).</summary>
    public static TrackForecast Run(TrackModel model, EventInfo ev, IReadOnlyList<HistorySeason> history, Season label)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(history);
        var inputs = history.Skip(Math.Max(0, history.Count - model.Config.Seasons)).ToList();
        var value = model.Predict([model.Encoder.Encode(ev, inputs, label)])[0];
        return new TrackForecast(ev, label, value, inputs.Sum(s => s.Marks.Count), model.Gender);
    }

    /// <summary>Pasted marks as one season: sorted by date (undated ones kept in order, a week apart), with the days
    /// between them.</summary>
    public static HistorySeason Season(IReadOnlyList<PastedMark> marks, EventInfo ev, Season label)
    {
        ArgumentNullException.ThrowIfNull(marks);
        ArgumentNullException.ThrowIfNull(ev);
        if (marks.Count == 0)
            throw new ArgumentException("A season needs at least one mark.", nameof(marks));
        var dated = marks[0].Date is not null;
        // undated: only the spacing matters
        var start = dated ? marks.Min(m => m.Date!.Value) : new SeasonId(label, 2000).Start;
        var ordered = dated ? [.. marks.OrderBy(m => m.Date).ThenBy(m => m.Line)] : marks.ToList();
        var points = new List<MarkPoint>(ordered.Count);
        DateOnly? previous = null;
        for (var i = 0; i < ordered.Count; i++)
        {
            var date = ordered[i].Date ?? start.AddDays(i * UndatedSpacingDays);
            points.Add(
                new MarkPoint(
                    date,
                    ordered[i].Mark.Value!.Value,
                    previous is { } p ? date.DayNumber - p.DayNumber : 0,
                    ordered[i].Wind
                )
            );
            previous = date;
        }
        var peak = points[0].Value;
        foreach (var m in points)
            if (ev.IsBetter(m.Value, peak))
                peak = m.Value;
        return new HistorySeason(SeasonId.Of(label, points[0].Date), peak, points);
    }

    /// <summary>
    /// The event <paramref name="text"/> names among the model's events: a catalogue spelling (<c>Triple Jump</c>,
    /// <c>TJ</c>,
    /// <c>100m</c>) or the model's own name or code. <see cref="ArgumentException"/> listing the model's events
    /// otherwise.
    /// </summary>
    public static EventInfo FindEvent(TrackModel model, string text)
    {
        ArgumentNullException.ThrowIfNull(model);
        var events = model.Events;
        var ev = EventCatalogue.Find(text)
            ?? events.FirstOrDefault(e => string.Equals(e.Name, text?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (ev is null)
            throw new ArgumentException(
                $"'{text}' is not an event the catalogue knows; the {Name(model)} model forecasts {List(events)}."
            );
        if (!events.Contains(ev))
            throw new ArgumentException(
                $"The {Name(model)} model has no head for {ev.Name} ({ev.Code}): it had no training windows. It "
                    + $"forecasts {List(events)}."
            );
        return ev;
    }

    /// <summary>A season label from <c>indoor</c>, <c>outdoor</c>, <c>xc</c> or <c>cross country</c>;
    /// <see cref="ArgumentException"/> otherwise.</summary>
    public static Season ParseLabel(string? text) =>
        SeasonNames.FromText(text)
        ?? throw new ArgumentException($"'{text}' is not a season label: indoor, outdoor or xc.");

    private static string Name(TrackModel model) => TrackModels.Possessive(model.Gender);

    private static string List(IReadOnlyList<EventInfo> events) => string.Join(", ", events.Select(e => e.Name));
}
