namespace Lib.Track.Domain;

/// <summary>What a mark's value measures.</summary>
public enum MarkUnit
{
    /// <summary>A time in seconds.</summary>
    Seconds,

    /// <summary>A distance or height in metres.</summary>
    Metres,

    /// <summary>A multi-event score in points.</summary>
    Points,
}
