namespace Lib.Track.Cache;

/// <summary>What one source gave the cache: its name, file, adapter, rows read and rows rejected.</summary>
public sealed record SourceSummary(string Source, string File, string Adapter, int Rows, int Rejected, int ValidMarks);
