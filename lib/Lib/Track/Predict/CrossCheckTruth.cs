namespace Lib.Track.Predict;

/// <summary>
/// One row of a cross-check's <c>truth.csv</c>: a request and what happened — the season the forecast is for and the
/// athlete's actual peak in it (seconds, metres or points), taken from the marks on or after the cut date that
/// <c>performances.csv</c> leaves out.
/// </summary>
public sealed record CrossCheckTruth(
    string Athlete,
    string Gender,
    string Event,
    string TargetLabel,
    string TargetSeason,
    double ActualPeak
);
