using Lib.Splits.Model;

namespace Lib.Splits.Predict;

/// <summary>The points found for one ordered pair, with the search behind them and the baseline (the source's
/// fractions scaled to the start and finish the model found), in seconds.</summary>
public sealed record PairResult(
    string TrackId,
    string SourceRider,
    string TargetRider,
    SplitSearch Search,
    IReadOnlyList<double> BaselineSeconds,
    IReadOnlyList<int> SourceFrames,
    double Fps
)
{
    /// <summary>The points found.</summary>
    public IReadOnlyList<FoundSplit> Splits => Search.Splits;
}
