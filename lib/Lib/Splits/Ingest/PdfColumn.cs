namespace Lib.Splits.Ingest;

/// <summary>A column of a printed table: its name and the x span of its header words, in points.</summary>
public sealed record PdfColumn(string Name, double Left, double Right);
