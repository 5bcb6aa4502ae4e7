using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Lib.Track.Domain;

/// <summary>
/// A wind reading as TFRRS prints it: <c>+1.2</c>, <c>-0.5</c>, <c>2.0</c>, <c>(1.6)</c> on athlete pages, or
/// <c>NWI</c> (no wind information). <see cref="Value"/> is metres per second, null for NWI.
/// </summary>
public readonly partial record struct Wind
{
    /// <summary>The legal limit for records and most qualifying marks, in m/s.</summary>
    public const double LegalLimit = 2.0;

    private Wind(string text, double? value)
    {
        Text = text;
        Value = value;
    }

    /// <summary>As printed, without parentheses.</summary>
    public string Text { get; }

    /// <summary>Metres per second (positive is a tailwind); null when no reading was taken (NWI).</summary>
    public double? Value { get; }

    /// <summary>True for <c>NWI</c>.</summary>
    public bool IsNoInformation => Value is null;

    /// <summary>Whether the reading is within <see cref="LegalLimit"/>; null without a reading.</summary>
    public bool? IsLegal => Value is { } v ? v <= LegalLimit : null;

    /// <summary>A reading of <paramref name="metresPerSecond"/>, printed as <see cref="Format"/> does.</summary>
    public static Wind Of(double metresPerSecond) => Parse(Format(metresPerSecond));

    /// <summary>Parses a reading; <see cref="FormatException"/> saying what was expected.</summary>
    public static Wind Parse(string text) =>
        TryParse(text, out var wind, out var error) ? wind : throw new FormatException(error);

    /// <summary>Parses a reading; false with the reason when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out Wind wind, [NotNullWhen(false)] out string? error)
    {
        wind = default;
        var s = (text ?? "").Trim();
        if (s.StartsWith('(') && s.EndsWith(')'))
            s = s[1..^1].Trim();
        if (s.Equals("NWI", StringComparison.OrdinalIgnoreCase))
        {
            wind = new Wind("NWI", null);
            error = null;
            return true;
        }
        if (!Pattern().IsMatch(s))
        {
            error = $"'{text}': expected a wind reading such as '+1.2', '-0.5' or 'NWI'";
            return false;
        }
        var value = double.Parse(
            s,
            NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture
        );
        if (Math.Abs(value) > 20)
        {
            error = $"'{text}': {value.ToString(CultureInfo.InvariantCulture)} m/s is outside ±20 m/s";
            return false;
        }
        wind = new Wind(s, value);
        error = null;
        return true;
    }

    /// <summary>Prints a reading with a sign and one decimal: <c>+1.2</c>, <c>-0.5</c>, <c>+0.0</c>.</summary>
    public static string Format(double metresPerSecond)
    {
        if (!double.IsFinite(metresPerSecond))
            throw new ArgumentOutOfRangeException(
                nameof(metresPerSecond),
                metresPerSecond,
                "A wind reading must be finite."
            );
        var rounded = Math.Round((decimal)metresPerSecond, 1, MidpointRounding.AwayFromZero);
        return (rounded < 0 ? "-" : "+") + Math.Abs(rounded).ToString("0.0", CultureInfo.InvariantCulture);
    }

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"^[+-]?\d+(?:\.\d+)?$")]
    private static partial Regex Pattern();
}
