namespace Lib.Climbing.Domain;

/// <summary>A role id of Aurora's <c>frames</c> strings (<c>p1162r13</c>: placement 1162, role 13) and what it
/// means.</summary>
public sealed record FrameRole(int Id, HoldRole Role);
