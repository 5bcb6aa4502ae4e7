namespace Lib.Explanations;

/// <summary>
/// How much the loss rises when one feature's column is shuffled: the mean and standard deviation of the rise over
/// the repeats, and each repeat's rise. About 0 for a feature the predictor ignores.
/// </summary>
public sealed record FeatureImportance(
    string Feature,
    double Mean,
    double StandardDeviation,
    IReadOnlyList<double> Rises
);
