namespace Lib.Splits.Evaluate;

/// <summary>One annotated point of one ordered pair of riders on a held-out track: the truth, the model's time and
/// confidence, and the proportional baseline scaled to the model's start and finish and to the true ones (all in
/// seconds from the start of the target's video).</summary>
public sealed record PointPrediction(
    string TrackId,
    string SourceRider,
    string TargetRider,
    int SplitIndex,
    double TrueSeconds,
    double ModelSeconds,
    double Confidence,
    double BaselineSeconds,
    double BaselineTrueEndsSeconds
);
