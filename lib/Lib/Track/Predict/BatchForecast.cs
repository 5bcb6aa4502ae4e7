namespace Lib.Track.Predict;

/// <summary>
/// One row of a batch's <c>forecasts.csv</c>: the request (athlete and event as written, gender and label in their
/// canonical words), the season forecast (<c>2026 Outdoor</c>, the first of the label after the athlete's latest mark),
/// the peak in the event's unit (seconds, metres or points) and as TFRRS prints it, and how many seasons of history the
/// model read (it reads up to its K). The record is the file's schema.
/// </summary>
public sealed record BatchForecast(
    string Athlete,
    string Gender,
    string Event,
    string TargetLabel,
    string TargetSeason,
    double PredictedPeak,
    string PredictedMark,
    int HistorySeasons
);
