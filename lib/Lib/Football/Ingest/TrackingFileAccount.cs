namespace Lib.Football.Ingest;

/// <summary>One source file's account in the ingest: its format, the records it holds, the rows read into the table,
/// those left out (each with an issue) and the plays it contributed.</summary>
public sealed record TrackingFileAccount(string File, string Format, int Records, int Rows, int LeftOut, int Plays);
