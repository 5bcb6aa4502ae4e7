namespace Lib.Climbing.Domain;

/// <summary>The boards a table or a model knows, found by key or alias.</summary>
public sealed class BoardSet
{
    private readonly List<Board> _boards = [];

    /// <summary>A set of <paramref name="boards"/> (keys distinct).</summary>
    public BoardSet(IEnumerable<Board> boards)
    {
        foreach (var b in boards ?? throw new ArgumentNullException(nameof(boards)))
            Add(b);
    }

    /// <summary>The boards in the order they were added.</summary>
    public IReadOnlyList<Board> Boards => _boards;

    /// <summary>Adds a board; its key must be new.</summary>
    public void Add(Board board)
    {
        ArgumentNullException.ThrowIfNull(board);
        if (_boards.Any(b => b.Key == board.Key))
            throw new ArgumentException($"Board {board.Key} is already in the set.", nameof(board));
        _boards.Add(board);
    }

    /// <summary>The board with this key or alias (ignoring case), or null.</summary>
    public Board? Find(string nameOrAlias) =>
        _boards.FirstOrDefault(b => string.Equals(b.Key, nameOrAlias, StringComparison.OrdinalIgnoreCase))
        ?? _boards.FirstOrDefault(b => b.Answers(nameOrAlias));

    /// <summary>The board with this key or alias.</summary>
    /// <exception cref="KeyNotFoundException">No such board; the message lists the known ones.</exception>
    public Board Get(string nameOrAlias) =>
        Find(nameOrAlias)
        ?? throw new KeyNotFoundException(
            $"Unknown board '{nameOrAlias}'; known boards: "
                + string.Join(
                    "; ",
                    _boards.Select(b => b.Aliases.Count == 0 ? b.Key : $"{b.Key} ({string.Join(", ", b.Aliases)})")
                )
                + "."
        );
}
