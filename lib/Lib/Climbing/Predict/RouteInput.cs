using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Predict;

/// <summary>The routes read from a prediction input file, and the records refused (with reasons).</summary>
public sealed record RouteInput(string Format, IReadOnlyList<Route> Routes, IReadOnlyList<RejectedRecord> Rejected);
