namespace Lib.Football.Domain;

/// <summary>The offence's direction of attack along x: toward x = 0 (<see cref="Left"/>) or x = 120
/// (<see cref="Right"/>).</summary>
public enum PlayDirection
{
    /// <summary>Toward x = 0.</summary>
    Left,

    /// <summary>Toward x = 120.</summary>
    Right,
}
