namespace Lib.Climbing.Evaluate;

/// <summary>One evaluated route: what it is, its true grade and each predictor's difficulty (in
/// <see cref="Evaluation.Predictors"/> order).</summary>
public sealed record PredictionRow(
    string Key,
    string Board,
    int Angle,
    string RouteId,
    string Name,
    double Difficulty,
    int VGrade,
    IReadOnlyList<double> Predicted
);
