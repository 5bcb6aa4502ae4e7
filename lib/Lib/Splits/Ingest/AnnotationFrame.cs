namespace Lib.Splits.Ingest;

/// <summary>
/// The picture at one annotated point: the point's index and name, its timecode, the frame index at the video's rate
/// and the frame as JPEG bytes (null when the video ends before it).
/// </summary>
public sealed record AnnotationFrame(int Point, string Name, string Timecode, int FrameIndex, byte[]? Jpeg);
