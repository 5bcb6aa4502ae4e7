using System.Globalization;

namespace Lib.Splits.Ingest;

/// <summary>
/// The time notations of the timing files, to and from milliseconds: <c>m:ss.fff</c> (<c>3:39.004</c>),
/// <c>h:mm:ss.fff</c> past an hour (<c>1:20:38.158</c>), eervin's sector columns <c>MM:SS.ffffff</c>, plain seconds
/// (<c>155.483</c>, <c>392</c>, downhillr) and gaps with a leading <c>+</c>. A value printed truncated
/// (<c>2:11:03.</c>) has no milliseconds and reads as absent.
/// </summary>
public static class RaceTime
{
    /// <summary>
    /// Milliseconds of <paramref name="text"/> (trimmed), or null for an empty cell, <c>-</c>, or a truncated value
    /// ending in <c>.</c>.
    /// </summary>
    /// <exception cref="FormatException">Text that is not a time: says what was expected.</exception>
    public static long? ParseMs(string? text)
    {
        if (TryParseMs(text, out var ms, out var absent))
            return absent ? null : ms;
        throw new FormatException(
            $"'{text}' is not a time (expected m:ss.fff, h:mm:ss.fff or seconds such as 155.483)"
        );
    }

    /// <summary>
    /// As <see cref="ParseMs"/> without throwing; <paramref name="absent"/> is set for an empty value.
    /// </summary>
    public static bool TryParseMs(string? text, out long ms, out bool absent)
    {
        ms = 0;
        absent = false;
        var t = (text ?? "").Trim().TrimStart('+');
        if (t.Length == 0 || t == "-" || t.EndsWith('.'))
        {
            absent = true;
            return true;
        }
        var parts = t.Split(':');
        if (parts.Length > 3)
            return false;
        long whole = 0;
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit))
                return false;
            whole = whole * 60 + long.Parse(parts[i], CultureInfo.InvariantCulture);
        }
        var last = parts[^1];
        int dot = last.IndexOf('.');
        var secondsText = dot < 0 ? last : last[..dot];
        var fraction = dot < 0 ? "" : last[(dot + 1)..];
        if (secondsText.Length == 0 || !secondsText.All(char.IsAsciiDigit) || !fraction.All(char.IsAsciiDigit))
            return false;
        if (parts.Length > 1 && secondsText.Length != 2)
            return false;
        long seconds = long.Parse(secondsText, CultureInfo.InvariantCulture);
        if (parts.Length > 1 && seconds >= 60)
            return false;
        // Milliseconds from the fraction, rounded half away from zero beyond three digits (00:46.594000 → 594).
        long milli = 0;
        if (fraction.Length > 0)
        {
            var f = decimal.Parse("0." + fraction, CultureInfo.InvariantCulture);
            milli = (long)Math.Round(f * 1000m, MidpointRounding.AwayFromZero);
        }
        ms = (whole * 60 + seconds) * 1000 + milli;
        return true;
    }

    /// <summary>Seconds with three decimals (<c>155.483</c>), or empty for null.</summary>
    public static string FormatSeconds(long? ms) =>
        ms is { } v ? (v / 1000m).ToString("0.000", CultureInfo.InvariantCulture) : "";

    /// <summary>Milliseconds of a plain number of seconds (<c>155.483</c>, <c>392</c>), null when empty.</summary>
    /// <exception cref="FormatException">Not a number.</exception>
    public static long? ParseSecondsMs(string? text)
    {
        var t = (text ?? "").Trim();
        if (t.Length == 0 || t == "NA")
            return null;
        if (!decimal.TryParse(t, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s))
            throw new FormatException($"'{text}' is not a number of seconds (expected e.g. 155.483)");
        return (long)Math.Round(s * 1000m, MidpointRounding.AwayFromZero);
    }
}
