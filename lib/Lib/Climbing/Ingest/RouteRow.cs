namespace Lib.Climbing.Ingest;

/// <summary>
/// A row of <c>routes.parquet</c> (<see cref="RouteTable.WriteParquet"/>): a route with its nearest grade on the
/// scale and its holds as text (<c>E6:start C5:start …</c>); the record is the file's schema.
/// </summary>
public sealed record RouteRow(
    string Key,
    string Board,
    string Family,
    string Layout,
    int Angle,
    string RouteId,
    string Name,
    double? Difficulty,
    string? Grade,
    string? GradeText,
    int? VGrade,
    int? Ascents,
    int HoldCount,
    string Holds,
    string Source,
    string Record
);
