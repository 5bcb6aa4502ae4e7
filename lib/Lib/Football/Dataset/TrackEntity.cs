using Lib.Football.Domain;

namespace Lib.Football.Dataset;

/// <summary>One entity of a play's tracks: a player (id, name, position, group, side) or the ball (no id).</summary>
public sealed record TrackEntity(int? NflId, string Name, string Position, PositionGroup Group, Side Side)
{
    /// <summary>Whether the entity is the ball.</summary>
    public bool IsBall => Side == Side.Ball;
}
