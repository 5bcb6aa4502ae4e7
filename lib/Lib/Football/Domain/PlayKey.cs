namespace Lib.Football.Domain;

/// <summary>A play's identity: its game and its id within the game.</summary>
public readonly record struct PlayKey(long GameId, int PlayId) : IComparable<PlayKey>
{
    /// <inheritdoc />
    public int CompareTo(PlayKey other) =>
        GameId != other.GameId ? GameId.CompareTo(other.GameId) : PlayId.CompareTo(other.PlayId);

    /// <inheritdoc />
    public override string ToString() => $"{GameId}/{PlayId}";
}
