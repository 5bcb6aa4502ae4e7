namespace Lib.Storage;

/// <summary>
/// One record of a CSV file: the line it starts on (1-based, the header is line 1), its fields, and its text as
/// written.
/// </summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields, string Text);
