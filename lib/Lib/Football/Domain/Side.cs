namespace Lib.Football.Domain;

/// <summary>Which side of a play an entity is on: the team in possession, the other team, or the ball.</summary>
public enum Side
{
    /// <summary>The team in possession (the kicking team on kickoffs and punts).</summary>
    Offense,

    /// <summary>The other team.</summary>
    Defense,

    /// <summary>The ball.</summary>
    Ball,
}
