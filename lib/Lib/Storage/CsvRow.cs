namespace Lib.Storage;

/// <summary>
/// One record of a CSV table read by <see cref="CsvFile.ReadTable"/>: its 1-based line and its fields by header name.
/// </summary>
public sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    /// <summary>The field of a column the header has.</summary>
    /// <exception cref="KeyNotFoundException">The header has no such column.</exception>
    public string this[string name] => Fields[name];
}
