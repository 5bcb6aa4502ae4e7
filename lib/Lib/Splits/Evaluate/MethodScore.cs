namespace Lib.Splits.Evaluate;

/// <summary>How one method did on one track (or <c>all</c>): points, mean absolute error in seconds, the share within
/// 0.5 s, and the worst ordered pair of riders on both.</summary>
public sealed record MethodScore(
    string Track,
    string Method,
    int Points,
    double MaeSeconds,
    double Within05,
    double WorstPairMaeSeconds,
    double WorstPairWithin05
);
