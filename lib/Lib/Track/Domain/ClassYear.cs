using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Lib.Track.Domain;

/// <summary>
/// An athlete's class as TFRRS prints it — <c>FR-1</c>, <c>SO-2</c>, <c>JR-3</c>, <c>SR-4</c>, <c>GR</c>, or
/// the bare <c>FR</c>…<c>SR</c> — with its level (1 freshman … 4 senior, 5 graduate).
/// </summary>
public readonly partial record struct ClassYear
{
    private ClassYear(string text, int level)
    {
        Text = text;
        Level = level;
    }

    /// <summary>As printed.</summary>
    public string Text { get; }

    /// <summary>1 freshman, 2 sophomore, 3 junior, 4 senior, 5 graduate.</summary>
    public int Level { get; }

    /// <summary>Parses a class; false with the reason for anything else.</summary>
    public static bool TryParse(string? text, out ClassYear year, [NotNullWhen(false)] out string? error)
    {
        year = default;
        var s = (text ?? "").Trim();
        var match = Pattern().Match(s);
        if (!match.Success)
        {
            error = $"'{text}' is not a class year (FR-1, SO-2, JR-3, SR-4, GR)";
            return false;
        }
        var level = match.Groups[1].Value switch
        {
            "FR" => 1,
            "SO" => 2,
            "JR" => 3,
            "SR" => 4,
            _ => 5,
        };
        year = new ClassYear(s, level);
        error = null;
        return true;
    }

    /// <summary>Parses a class; <see cref="FormatException"/> for anything else.</summary>
    public static ClassYear Parse(string text) =>
        TryParse(text, out var year, out var error) ? year : throw new FormatException(error);

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"^(FR|SO|JR|SR|GR)(?:-[1-6])?$")]
    private static partial Regex Pattern();
}
