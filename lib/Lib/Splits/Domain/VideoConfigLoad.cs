using Lib.Workflow;

namespace Lib.Splits.Domain;

/// <summary>
/// An annotation file as read by <see cref="VideoConfigYaml.Load"/>: the runs that read, and each run left out with
/// the line and the reason (file, track, rider and field).
/// </summary>
public sealed record VideoConfigLoad(VideoConfig Config, IReadOnlyList<RejectedRecord> Rejected);
