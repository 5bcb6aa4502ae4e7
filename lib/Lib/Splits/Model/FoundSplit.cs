namespace Lib.Splits.Model;

/// <summary>One point found in a target video: its index (0 = start … last = finish), frame, time in seconds from
/// the start of the video, and the confidence (the share of the model's softmax over the target's frames that lies
/// within the confidence window of the frame found).</summary>
public sealed record FoundSplit(int Index, int Frame, double Seconds, double Confidence);
