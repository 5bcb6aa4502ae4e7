namespace Lib.Football.Domain;

/// <summary>
/// The position groups of NGS's <c>positionGroup</c> column, and the ball: the node feature the graph carries and
/// the grouping of evaluation.
/// </summary>
public enum PositionGroup
{
    /// <summary>A position the lab does not know.</summary>
    Unknown,

    /// <summary>Quarterback.</summary>
    QB,

    /// <summary>Running backs: RB, HB, FB.</summary>
    RB,

    /// <summary>Wide receivers.</summary>
    WR,

    /// <summary>Tight ends.</summary>
    TE,

    /// <summary>Offensive line: C, G, OG, T, OT, OL.</summary>
    OL,

    /// <summary>Defensive line: DE, DT, NT, DL.</summary>
    DL,

    /// <summary>Linebackers: OLB, ILB, MLB, LB.</summary>
    LB,

    /// <summary>Defensive backs: CB, FS, SS, S, DB.</summary>
    DB,

    /// <summary>Specialists: K, P, LS.</summary>
    SPEC,

    /// <summary>The ball.</summary>
    Ball,
}

/// <summary>Mapping NGS positions to <see cref="PositionGroup"/>s.</summary>
public static class PositionGroups
{
    /// <summary>The groups a player can be in (not <see cref="PositionGroup.Unknown"/> or the ball), in order: the
    /// one-hot node feature's columns.</summary>
    public static IReadOnlyList<PositionGroup> Players { get; } =
    [
        PositionGroup.QB,
        PositionGroup.RB,
        PositionGroup.WR,
        PositionGroup.TE,
        PositionGroup.OL,
        PositionGroup.DL,
        PositionGroup.LB,
        PositionGroup.DB,
        PositionGroup.SPEC,
    ];

    /// <summary>The group of an NGS position (<c>CB</c> → DB); <see cref="PositionGroup.Unknown"/> when the position is
    /// not one of NGS's.</summary>
    public static PositionGroup Of(string? position) =>
        (position ?? "").Trim().ToUpperInvariant() switch
        {
            "QB" => PositionGroup.QB,
            "RB" or "HB" or "FB" => PositionGroup.RB,
            "WR" => PositionGroup.WR,
            "TE" => PositionGroup.TE,
            "C" or "G" or "OG" or "T" or "OT" or "OL" => PositionGroup.OL,
            "DE" or "DT" or "NT" or "DL" => PositionGroup.DL,
            "OLB" or "ILB" or "MLB" or "LB" => PositionGroup.LB,
            "CB" or "FS" or "SS" or "S" or "DB" => PositionGroup.DB,
            "K" or "P" or "LS" => PositionGroup.SPEC,
            _ => PositionGroup.Unknown,
        };

    /// <summary>Whether a position is an offensive lineman's (C, G, OG, T, OT, OL): never the targeted
    /// receiver.</summary>
    public static bool IsLineman(string? position) => Of(position) == PositionGroup.OL;
}
