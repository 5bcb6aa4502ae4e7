namespace Lib.Track.Predict;

/// <summary>One row of a batch's <c>requests.csv</c> as <see cref="TrackCrossCheck.Prepare"/> writes it (the columns
/// <see cref="ForecastRequest"/> reads).</summary>
public sealed record RequestRow(string Athlete, string Gender, string Event, string TargetLabel);
