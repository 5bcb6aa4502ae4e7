namespace Lib.Probabilities;

/// <summary>
/// One bin of a reliability diagram: the probabilities in [<paramref name="Lower"/>, <paramref name="Upper"/>)
/// (the last bin includes 1), how many samples fell in it, their mean probability and the share of them that were
/// positive (both NaN for an empty bin).
/// </summary>
public sealed record ReliabilityBin(
    double Lower,
    double Upper,
    int Count,
    double MeanProbability,
    double FractionPositive
);
