namespace Lib.Splits.Ingest;

/// <summary>A word of a PDF page with its box in points (origin bottom left, as PDF draws).</summary>
public sealed record PdfWord(string Text, double Left, double Right, double Bottom, double Top)
{
    /// <summary>The horizontal overlap with <c>[left, right]</c> in points (0 when apart).</summary>
    public double Overlap(double left, double right) => Math.Max(0, Math.Min(Right, right) - Math.Max(Left, left));

    /// <inheritdoc />
    public override string ToString() => $"{Text}@{Left:F0}-{Right:F0},{Bottom:F0}";
}
