using System.Text.Json.Serialization;

namespace Lib.Climbing.Domain;

/// <summary>
/// One board layout the workflow knows: its key (<c>MOON2016</c>, <c>KILTER1</c> …), maker and layout
/// name, the names it answers to, and every hold position normalised to [-1, 1] across the board
/// (x left → right, y bottom → top), so routes of different boards share one coordinate frame.
/// Kilter and Tension boards also carry the role ids of their <c>frames</c> strings. A board is plain
/// data (JSON-serialisable), so a model folder can carry the boards it was trained on.
/// </summary>
public sealed class Board
{
    private Dictionary<string, BoardHold>? _byName;

    /// <summary>The key used in tokens and tables: upper-case letters and digits.</summary>
    public required string Key { get; init; }

    /// <summary><c>MoonBoard</c>, <c>Kilter</c> or <c>Tension</c>.</summary>
    public required string Family { get; init; }

    /// <summary>The layout's name (<c>MoonBoard Masters 2017</c>, <c>Kilter Board Original</c>).</summary>
    public required string Layout { get; init; }

    /// <summary>Other names accepted for the board on the command line (<c>2016</c>, <c>kilter</c>), compared ignoring
    /// case.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Every hold position of the board.</summary>
    public required IReadOnlyList<BoardHold> Holds { get; init; }

    /// <summary>The role ids of the board's <c>frames</c> strings (empty for MoonBoards).</summary>
    public IReadOnlyList<FrameRole> FrameRoles { get; init; } = [];

    /// <summary>A hold by name (exact), or null.</summary>
    public BoardHold? Find(string hold)
    {
        _byName ??= Holds.ToDictionary(h => h.Name, StringComparer.Ordinal);
        return _byName.GetValueOrDefault(hold);
    }

    /// <summary>A hold by name.</summary>
    /// <exception cref="KeyNotFoundException">The board has no such hold; the message names the board and shows what
    /// holds look like.</exception>
    public BoardHold Hold(string hold) =>
        Find(hold)
        ?? throw new KeyNotFoundException(
            $"Board {Key} ({Layout}) has no hold '{hold}'; its holds are named like "
                + $"{string.Join(", ", Holds.Take(3).Select(h => h.Name))} ({Holds.Count} in all)."
        );

    /// <summary>The role of a frames role id, or null when the board does not use it.</summary>
    public HoldRole? RoleOf(int roleId) => FrameRoles.FirstOrDefault(r => r.Id == roleId)?.Role;

    /// <summary>Whether <paramref name="name"/> is the key or an alias (ignoring case).</summary>
    public bool Answers(string name) =>
        string.Equals(name, Key, StringComparison.OrdinalIgnoreCase)
        || Aliases.Any(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Normalises <paramref name="value"/> from [<paramref name="min"/>, <paramref name="max"/>] to [-1, 1] (0
    /// when the range is empty).</summary>
    internal static double Normalise(double value, double min, double max) =>
        max > min ? 2 * (value - min) / (max - min) - 1 : 0;

    /// <inheritdoc />
    [JsonIgnore]
    public string Description => $"{Key} ({Family}, {Layout}, {Holds.Count} holds)";

    /// <inheritdoc />
    public override string ToString() => Description;
}
