using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Lib.Track.Domain;

/// <summary>
/// Feet and inches as TFRRS prints its converted field marks (<c>24' 5.25"</c>, <c>7' 6"</c>, <c>218'</c>):
/// parsing to metres and printing metres to the nearest quarter inch.
/// </summary>
public static partial class ImperialDistance
{
    private const decimal MetresPerInch = 0.0254m;

    /// <summary>The metres <paramref name="text"/> stands for; <see cref="FormatException"/> saying why not.</summary>
    public static double Parse(string text) =>
        TryParse(text, out var metres, out var error) ? metres : throw new FormatException(error);

    /// <summary>The metres <paramref name="text"/> stands for; false with the reason when it is not feet and
    /// inches.</summary>
    public static bool TryParse(string? text, out double metres, [NotNullWhen(false)] out string? error)
    {
        metres = 0;
        var match = Pattern().Match(text?.Trim() ?? "");
        if (!match.Success)
        {
            error = $"'{text}': expected feet and inches such as 24' 5.25\"";
            return false;
        }
        var feet = decimal.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var inches = match.Groups[2].Success ? decimal.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0m;
        if (inches >= 12)
        {
            error = $"'{text}': {inches.ToString(CultureInfo.InvariantCulture)} inches is not below 12";
            return false;
        }
        metres = (double)((feet * 12 + inches) * MetresPerInch);
        error = null;
        return true;
    }

    /// <summary>Prints <paramref name="metres"/> as feet and inches to the nearest quarter inch: <c>24' 5.25"</c>,
    /// <c>7' 6"</c>.</summary>
    public static string Format(double metres)
    {
        if (!double.IsFinite(metres) || metres <= 0)
            throw new ArgumentOutOfRangeException(nameof(metres), metres, "A distance must be positive and finite.");
        var quarters = (long)Math.Round((decimal)metres / MetresPerInch * 4, MidpointRounding.AwayFromZero);
        var feet = quarters / 48;
        var inches = (quarters % 48) / 4m;
        return FormattableString.Invariant($"{feet}' {inches.ToString("0.##", CultureInfo.InvariantCulture)}\"");
    }

    [GeneratedRegex(@"^(\d+)'(?:\s*(\d+(?:\.\d+)?)"")?$")]
    private static partial Regex Pattern();
}
