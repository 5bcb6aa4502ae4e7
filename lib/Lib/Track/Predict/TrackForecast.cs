using Lib.Track.Domain;

namespace Lib.Track.Predict;

/// <summary>A forecast: the event, the label of the season forecast, the peak (in the event's unit) and how it
/// reads.</summary>
/// <param name="Event">The event.</param>
/// <param name="Label">The season label forecast.</param>
/// <param name="Value">The forecast peak in seconds, metres or points.</param>
/// <param name="Marks">The marks it was forecast from.</param>
/// <param name="Gender">The model's gender.</param>
public sealed record TrackForecast(EventInfo Event, Season Label, double Value, int Marks, Gender Gender)
{
    /// <summary>The peak as TFRRS prints it: <c>13.54m</c>, <c>1:52.34</c>, <c>5210</c>.</summary>
    public string Mark => Lib.Track.Domain.Mark.Format(Value, Event.Unit);

    /// <summary><c>Predicted next Outdoor peak for Triple Jump: 13.54m</c>.</summary>
    public string Sentence => $"Predicted next {SeasonId.LabelName(Label)} peak for {Event.Name}: {Mark}";

    /// <inheritdoc />
    public override string ToString() => Sentence;
}
