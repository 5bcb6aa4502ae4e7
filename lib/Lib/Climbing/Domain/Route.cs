using System.Text.Json.Serialization;

namespace Lib.Climbing.Domain;

/// <summary>
/// One graded (or ungraded) route on one board at one wall angle: a row of the route table.
/// </summary>
/// <remarks>
/// <see cref="Difficulty"/> is on one scale for every board: Kilter's difficulty numbers (1 = 1a/V0 …
/// 16 = 6a/V3 … 39 = 9c+/V22, see <see cref="GradeScale"/>); Font grades are mapped through the Kilter
/// grade table, and Kilter's community <c>difficulty_average</c> is already on it (fractional).
/// A Kilter climb graded at several angles is several routes with the same <see cref="RouteId"/>.
/// </remarks>
public sealed record Route
{
    /// <summary>The board key: <c>MOON2016</c>, <c>MOON2017</c>, <c>MOON2019</c>, <c>MOONMINI2020</c>, <c>KILTER1</c>,
    /// <c>KILTER8</c>, <c>TB2MIRROR</c> …</summary>
    public required string Board { get; init; }

    /// <summary>The board's maker: <c>MoonBoard</c>, <c>Kilter</c> or <c>Tension</c>.</summary>
    public required string Family { get; init; }

    /// <summary>The layout (hold set-up) by name: <c>MoonBoard Masters 2017</c>, <c>Kilter Board Original</c>
    /// …</summary>
    public required string Layout { get; init; }

    /// <summary>The wall angle in degrees from vertical.</summary>
    public required int Angle { get; init; }

    /// <summary>The source's id: the MoonBoard <c>apiId</c>, the Kilter climb <c>uuid</c>, the Tension
    /// <c>climb_id</c>.</summary>
    public required string RouteId { get; init; }

    /// <summary>The route's name as set.</summary>
    public required string Name { get; init; }

    /// <summary>The holds, in the source's order.</summary>
    public required IReadOnlyList<RouteHold> Holds { get; init; }

    /// <summary>The grade on the common scale (Kilter difficulty numbers), or null when ungraded.</summary>
    public double? Difficulty { get; init; }

    /// <summary>The grade as the source printed it (<c>6B+</c>, or Kilter's average <c>18.35</c>), or null.</summary>
    public string? GradeText { get; init; }

    /// <summary>Repeats (MoonBoard) or ascensionists (Kilter), when known.</summary>
    public int? Ascents { get; init; }

    /// <summary>The file the route came from (its name, not its folder).</summary>
    public required string Source { get; init; }

    /// <summary>Where in that file: <c>record 17</c>, or for a joined Kilter route the climb and the stats
    /// row.</summary>
    public required string Record { get; init; }

    /// <summary>A key unique in the route table: board, route id and angle.</summary>
    [JsonIgnore]
    public string Key => $"{Board}/{RouteId}@{Angle}";
}
