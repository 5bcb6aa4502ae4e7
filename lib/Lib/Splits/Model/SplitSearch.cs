namespace Lib.Splits.Model;

/// <summary>The points found in a target video and what they were chosen from: the frames scanned and each source
/// point's logit at each (for the viewer's score curves).</summary>
public sealed record SplitSearch(
    IReadOnlyList<FoundSplit> Splits,
    IReadOnlyList<int> ScannedFrames,
    IReadOnlyList<float[]> Logits
);
