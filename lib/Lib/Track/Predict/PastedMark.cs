using Lib.Track.Domain;

namespace Lib.Track.Predict;

/// <summary>One mark as pasted for a forecast: its line (from 1), date when given, the mark and the wind.</summary>
public sealed record PastedMark(int Line, DateOnly? Date, Mark Mark, double? Wind);

/// <summary>A pasted line that cannot be used, with its line number; the message names the line and says what was
/// expected.</summary>
public sealed class MarkLineException(int line, string reason) : FormatException($"line {line}: {reason}")
{
    /// <summary>The line, from 1.</summary>
    public int Line { get; } = line;

    /// <summary>Why the line cannot be used, without the line number.</summary>
    public string Reason { get; } = reason;
}
