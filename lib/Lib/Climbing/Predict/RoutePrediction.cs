namespace Lib.Climbing.Predict;

/// <summary>
/// A graded route: what it is (the MoonBoard <c>apiId</c> or the Kilter uuid, name, board, angle), the
/// predicted difficulty on the common scale with its V grade and Font/V name, and the route's own grade when it had
/// one.
/// </summary>
public sealed record RoutePrediction(
    string RouteId,
    string Name,
    string Board,
    int Angle,
    double PredictedDifficulty,
    string PredictedVGrade,
    string PredictedGrade,
    double? Difficulty,
    string Holds
);
