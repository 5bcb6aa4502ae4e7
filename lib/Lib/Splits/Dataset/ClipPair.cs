namespace Lib.Splits.Dataset;

/// <summary>
/// One training sample: a clip of the source rider's video and one of the target rider's, each the clip length's
/// frames ending at the given frame, with the label (classifier: 1 same place, 0 not; regressor: the offset in
/// frames from the target clip's end to the frame that matches the source clip's end, positive when it lies
/// later).
/// </summary>
public sealed record ClipPair(
    string TrackId,
    string SourceRider,
    string TargetRider,
    int SourceFrame,
    int TargetFrame,
    double Label,
    SampleKind Kind
);
