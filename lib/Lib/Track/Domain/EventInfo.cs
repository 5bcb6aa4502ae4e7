namespace Lib.Track.Domain;

/// <summary>
/// One event of the catalogue: its canonical <see cref="Code"/> (the key every table uses), a
/// display name, its family, which way marks improve, the unit of its marks and where it is run.
/// </summary>
/// <param name="Code">Canonical code: <c>100</c>, <c>MILE</c>, <c>3000SC</c>, <c>4X400</c>, <c>DMR</c>, <c>HJ</c>,
/// <c>HEP</c>, <c>8K</c>, <c>600Y</c>…</param>
/// <param name="Name">Display name as TFRRS titles it: <c>100 Meters</c>, <c>3000 Steeplechase</c>, <c>4 x 400
/// Relay</c>, <c>8k</c>.</param>
/// <param name="Family">Event family.</param>
/// <param name="Direction">Lower or higher is better.</param>
/// <param name="Unit">Seconds, metres or points.</param>
/// <param name="Seasons">The seasons in which the event is contested (used to infer a season when a page does not
/// say).</param>
/// <param name="DistanceMetres">The race distance in metres (a relay's total); null for field events and
/// multis.</param>
public sealed record EventInfo(
    string Code,
    string Name,
    EventFamily Family,
    EventDirection Direction,
    MarkUnit Unit,
    Seasons Seasons,
    double? DistanceMetres = null
)
{
    /// <summary>True for relays (team results; members are listed separately).</summary>
    public bool IsRelay => Family == EventFamily.Relay;

    /// <summary>True when <paramref name="a"/> is a better mark than <paramref name="b"/> in this event.</summary>
    public bool IsBetter(double a, double b) => Direction == EventDirection.LowerIsBetter ? a < b : a > b;

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Name})";
}
