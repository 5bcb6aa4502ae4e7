namespace Lib.Football.Domain;

/// <summary>An event tagged on a play (<c>ball_snap</c>, <c>pass_arrived</c> …) at a frame of its clock.</summary>
public sealed record PlayEvent(int Frame, string Name);
