namespace Lib.Paragliding.Domain;

/// <summary>
/// One flight of the French distance competition (CFD) listing: its stable id (the source row), the local day, the
/// scored distance, the points, the declared département, the route type, the takeoff as the pilot typed it, and the
/// wing class. Pilot names are never read.
/// </summary>
public sealed record Flight(
    int SourceRow,
    DateOnly Date,
    double Km,
    double Points,
    string Departement,
    string FlightType,
    string Takeoff,
    string WingClass
);
