namespace Lib.Track.Domain;

/// <summary>Annotations TFRRS prints beside a mark: the letters after it and the markers
/// (<see cref="MarkMarker"/>) around it.</summary>
[Flags]
public enum MarkFlags
{
    /// <summary>No annotation.</summary>
    None = 0,

    /// <summary>A <c>w</c> or <c>W</c> after the mark: the wind exceeded the legal limit.</summary>
    WindAided = 1,

    /// <summary>An <c>h</c> or <c>H</c> after the mark: hand-timed.</summary>
    HandTimed = 2,

    /// <summary>An <c>@</c>: converted (TFRRS says why in the cell's title, such as altitude).</summary>
    Converted = 4,

    /// <summary>A <c>#</c> marker.</summary>
    Hash = 8,

    /// <summary>A <c>%</c> marker.</summary>
    Percent = 16,

    /// <summary>A <c>*</c> marker.</summary>
    Asterisk = 32,

    /// <summary>A race distance such as <c>(55)</c>: the time is for that distance, not the event's.</summary>
    RaceDistance = 64,

    /// <summary>A footnote number such as <c>(1)</c>.</summary>
    Footnote = 128,

    /// <summary>A marker the parser does not know (its text is in <see cref="Mark.Markers"/>).</summary>
    UnknownMarker = 256,
}
