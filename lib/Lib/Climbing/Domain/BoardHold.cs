namespace Lib.Climbing.Domain;

/// <summary>A hold position on a board: its name and its place normalised to [-1, 1] across the board (y up).</summary>
public sealed record BoardHold(string Name, double X, double Y);
