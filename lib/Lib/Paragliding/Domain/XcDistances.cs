namespace Lib.Paragliding.Domain;

/// <summary>
/// The cross-country distances of a track, km, on a 6371.0 km sphere: <see cref="StraightKm"/> first to last valid
/// fix; <see cref="FreeKm"/> the longest path start → up to 3 turnpoints → end through fixes in time order;
/// <see cref="FlatTriangleKm"/> and <see cref="FaiTriangleKm"/> the best closed triangle (three fixes in time order,
/// the closing gap between a fix before the first and one after the last at most 20% of the perimeter; FAI: every
/// side at least 28% of the perimeter), scored as the perimeter minus that gap, as XContest does; 0 when none
/// closes. <see cref="FreeTurnpoints"/> and the triangles' vertices are indices into the valid fixes.
/// </summary>
public sealed record XcDistances(
    double StraightKm,
    double FreeKm,
    IReadOnlyList<int> FreeTurnpoints,
    double FlatTriangleKm,
    IReadOnlyList<int> FlatTriangle,
    double FaiTriangleKm,
    IReadOnlyList<int> FaiTriangle
);
