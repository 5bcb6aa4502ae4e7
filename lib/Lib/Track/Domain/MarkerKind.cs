namespace Lib.Track.Domain;

/// <summary>What a marker printed beside a mark is (<see cref="MarkMarker"/>).</summary>
public enum MarkerKind
{
    /// <summary><c>@</c>: converted; the cell's title says from what and why (<c>Converted from 10.13 for
    /// Altitude.</c> on the saved pages).</summary>
    Converted,

    /// <summary><c>#</c>: a TFRRS marker whose meaning the saved pages do not state.</summary>
    Hash,

    /// <summary><c>%</c>: a TFRRS marker whose meaning the saved pages do not state.</summary>
    Percent,

    /// <summary><c>*</c>: a TFRRS marker whose meaning the saved pages do not state.</summary>
    Asterisk,

    /// <summary>A parenthesised distance in metres after a time, <c>7.20(55)</c>: the race was run over that
    /// distance (a 55 m time printed in a 60 m list), not the event's.</summary>
    RaceDistance,

    /// <summary>A parenthesised small number, <c>4:05.83 (1)</c>: a footnote of the page.</summary>
    Footnote,

    /// <summary>Anything else TFRRS prints beside a mark (a symbol or letter the parser does not know): kept, named
    /// by its text, never given a meaning.</summary>
    Unknown,
}
