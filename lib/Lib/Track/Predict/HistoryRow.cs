namespace Lib.Track.Predict;

/// <summary>
/// One row of a batch's <c>performances.csv</c> as <see cref="TrackCrossCheck.Prepare"/> writes it (the columns
/// <see cref="Lib.Track.Ingest.HistoryCsv"/> reads): the athlete, <c>men</c>/<c>women</c>, the event code, the ISO
/// date, the mark as TFRRS prints it, the wind (blank without a reading) and the season label.
/// </summary>
public sealed record HistoryRow(
    string Athlete,
    string Gender,
    string Event,
    string Date,
    string Mark,
    string Wind,
    string Label
);
