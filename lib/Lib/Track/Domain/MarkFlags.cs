namespace Lib.Track.Domain;

/// <summary>Annotations TFRRS prints beside a mark.</summary>
[Flags]
public enum MarkFlags
{
    /// <summary>No annotation.</summary>
    None = 0,

    /// <summary>A <c>w</c> or <c>W</c> after the mark: the wind exceeded the legal limit.</summary>
    WindAided = 1,

    /// <summary>An <c>h</c> or <c>H</c> after the mark: hand-timed.</summary>
    HandTimed = 2,

    /// <summary>An <c>@</c> after the mark: converted (TFRRS says why in the cell's title, such as altitude).</summary>
    Converted = 4,
}
