using Lib.Workflow;

namespace Lib.Climbing.Predict;

/// <summary>What a prediction step graded: where the routes came from (<c>MoonBoard problems</c>, <c>Kilter climbs</c>,
/// <c>typed holds</c>), the predictions in input order, and the records refused with their reasons.</summary>
public sealed record GradedRoutes(
    string Format,
    IReadOnlyList<RoutePrediction> Predictions,
    IReadOnlyList<RejectedRecord> Refused
);
