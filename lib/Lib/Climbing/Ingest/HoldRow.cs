namespace Lib.Climbing.Ingest;

/// <summary>
/// A row of <c>holds.parquet</c> (<see cref="RouteTable.WriteParquet"/>): one hold of one route, with its position and
/// role.
/// </summary>
public sealed record HoldRow(
    string Key,
    string Board,
    int Angle,
    string RouteId,
    int HoldIndex,
    string Hold,
    double X,
    double Y,
    string Role
);
