using Lib.Storage;
using Microsoft.Data.Analysis;

namespace Lib.Splits.Predict;

/// <summary>What the find step returns: every pair's points and where the CSV went.</summary>
public sealed record FoundPairs(IReadOnlyList<PairResult> Pairs, string? OutputCsv)
{
    /// <summary>What the refinement by registration did (null: not asked for).</summary>
    public Lib.Splits.Model.RefineReport? Refinement { get; init; }

    /// <summary>One row per point: track, riders, index, seconds, confidence, the baseline's seconds.</summary>
    public DataFrame ToDataFrame() =>
        Pairs
            .SelectMany(p =>
                p.Splits.Select(s => new
                {
                    Track = p.TrackId,
                    Source = p.SourceRider,
                    Target = p.TargetRider,
                    SplitIndex = s.Index,
                    PredictedS = Math.Round(s.Seconds, 3),
                    Confidence = Math.Round(s.Confidence, 3),
                    BaselineS = Math.Round(p.BaselineSeconds[s.Index], 3),
                })
            )
            .ToDataFrame();
}
