using System.Globalization;
using Lib.Storage;

namespace Lib.Climbing.Domain;

/// <summary>
/// The one grade scale of the climbing workflow: Kilter's difficulty numbers and their names from
/// Kilter's own grade table (<c>difficulty,boulder_name,route_name,is_listed</c>, names like <c>6a/V3</c>).
/// Font grades (MoonBoard) map to a difficulty through the Font part of the names (case-insensitive,
/// <c>6B+</c> = <c>6b+</c> = 19); V grades through the V part (a V grade spans several difficulties,
/// so it maps to the mean of its listed ones: V3 → 16.5).
/// </summary>
/// <remarks>
/// One alias, written here rather than guessed per record: MoonBoard's lowest grade <c>5+</c> is the Font
/// grade just below <c>6A</c> on the MoonBoard ladder, which is <c>5c</c> (15, V2) in the table.
/// </remarks>
public sealed class GradeScale
{
    private static readonly Dictionary<string, string> FontAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["5+"] = "5c",
    };
    private readonly Dictionary<string, GradeEntry> _byFont;
    private readonly SortedDictionary<int, GradeEntry> _byDifficulty;

    /// <summary>A scale of the given table rows (difficulties distinct, Font names distinct).</summary>
    public GradeScale(IEnumerable<GradeEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _byDifficulty = [];
        _byFont = new(StringComparer.OrdinalIgnoreCase);
        foreach (var e in entries)
        {
            if (!_byDifficulty.TryAdd(e.Difficulty, e))
                throw new ArgumentException(
                    $"Difficulty {e.Difficulty} appears twice in the grade table.",
                    nameof(entries)
                );
            if (!_byFont.TryAdd(e.Font, e))
                throw new ArgumentException(
                    $"Font grade '{e.Font}' appears twice in the grade table.",
                    nameof(entries)
                );
        }
        if (_byDifficulty.Count == 0)
            throw new ArgumentException("The grade table is empty.", nameof(entries));
        Entries = [.. _byDifficulty.Values];
    }

    /// <summary>The table's rows by difficulty.</summary>
    public IReadOnlyList<GradeEntry> Entries { get; }

    /// <summary>The lowest difficulty of the table.</summary>
    public int MinDifficulty => Entries[0].Difficulty;

    /// <summary>The highest difficulty of the table.</summary>
    public int MaxDifficulty => Entries[^1].Difficulty;

    /// <summary>Reads Kilter's grade table (<c>difficulty,boulder_name,…,is_listed</c>; names <c>6a/V3</c>).</summary>
    /// <exception cref="InvalidDataException">A row that does not read; the message names the file and
    /// line.</exception>
    public static GradeScale Load(string csvPath)
    {
        var entries = new List<GradeEntry>();
        foreach (var row in CsvFile.ReadTable(csvPath, "difficulty", "boulder_name", "is_listed"))
        {
            var name = row["boulder_name"];
            var slash = name.IndexOf("/V", StringComparison.Ordinal);
            if (
                !int.TryParse(row["difficulty"], NumberStyles.Integer, CultureInfo.InvariantCulture, out var difficulty)
                || slash <= 0
                || !int.TryParse(name.AsSpan(slash + 2), NumberStyles.Integer, CultureInfo.InvariantCulture, out var v)
            )
                throw new InvalidDataException(
                    $"{csvPath}: line {row.Line}: expected a difficulty number and a name like '6a/V3', got "
                        + $"'{row["difficulty"]}', '{name}'."
                );
            entries.Add(new GradeEntry(difficulty, name[..slash], v, row["is_listed"] == "1"));
        }
        try
        {
            return new GradeScale(entries);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"{csvPath}: {e.Message}", e);
        }
    }

    /// <summary>The difficulty of a Font grade (<c>6B+</c> → 19), or false when the table has no such grade.</summary>
    public bool TryFromFont(string font, out int difficulty)
    {
        var key = font.Trim();
        if (FontAliases.TryGetValue(key, out var alias))
            key = alias;
        if (_byFont.TryGetValue(key, out var entry))
        {
            difficulty = entry.Difficulty;
            return true;
        }
        difficulty = 0;
        return false;
    }

    /// <summary>The difficulty of a V grade (<c>V5</c> or <c>5</c>): the mean of its listed difficulties; false when
    /// none.</summary>
    public bool TryFromV(string vGrade, out double difficulty)
    {
        var text = vGrade.Trim();
        if (text.StartsWith('V') || text.StartsWith('v'))
            text = text[1..];
        difficulty = 0;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return false;
        var matches = Entries.Where(e => e.V == v && e.Listed).ToList();
        if (matches.Count == 0)
            matches = Entries.Where(e => e.V == v).ToList();
        if (matches.Count == 0)
            return false;
        difficulty = matches.Average(e => e.Difficulty);
        return true;
    }

    /// <summary>The table row nearest to a (possibly fractional) difficulty: rounded, then clamped to the
    /// table.</summary>
    public GradeEntry Nearest(double difficulty)
    {
        if (double.IsNaN(difficulty))
            throw new ArgumentException("The difficulty is NaN.", nameof(difficulty));
        var d = (int)Math.Clamp(Math.Round(difficulty, MidpointRounding.AwayFromZero), MinDifficulty, MaxDifficulty);
        if (_byDifficulty.TryGetValue(d, out var entry))
            return entry;
        return _byDifficulty.Values.MinBy(e => Math.Abs(e.Difficulty - d))!; // a table with gaps
    }

    /// <summary>The V grade number of a difficulty (18.4 → 18 = 6b/V4 → 4).</summary>
    public int VGrade(double difficulty) => Nearest(difficulty).V;

    /// <summary>The V grade as text: <c>V4</c>.</summary>
    public string VName(double difficulty) => $"V{VGrade(difficulty)}";
}
