namespace Lib.Climbing.Domain;

/// <summary>
/// One hold of a route: its name on the board (a MoonBoard cell <c>E6</c>, a Kilter placement <c>p1162</c>,
/// a Tension position <c>x-48y4</c>), its position normalised to [-1, 1] across the board (x left → right,
/// y bottom → top) and its role.
/// </summary>
public sealed record RouteHold(string Hold, double X, double Y, HoldRole Role);
