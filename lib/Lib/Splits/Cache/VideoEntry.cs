namespace Lib.Splits.Cache;

/// <summary>One video of a folder laid out <c>DIR/&lt;track_id&gt;/&lt;rider_id&gt;.mp4</c>, with its
/// features.</summary>
public sealed record VideoEntry(string TrackId, string RiderId, string Path, VideoFeatures Features);
