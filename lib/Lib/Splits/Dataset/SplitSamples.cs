using Lib.Storage;
using Microsoft.Data.Analysis;

namespace Lib.Splits.Dataset;

/// <summary>
/// The clip pairs of one fold: training pairs from every ordered pair of riders of the training tracks (with
/// augmented positives), validation and test pairs from the validation and test tracks (points and negatives
/// only, as the original's validation set).
/// </summary>
public sealed record SplitSamples(
    TrackFold Fold,
    SampleOptions Options,
    IReadOnlyList<ClipPair> Train,
    IReadOnlyList<ClipPair> Validation,
    IReadOnlyList<ClipPair> Test
)
{
    /// <summary>Every pair with its set, as a table: set, kind, track, riders, frames, label.</summary>
    public DataFrame ToDataFrame() =>
        Train
            .Select(p => ("train", p))
            .Concat(Validation.Select(p => ("validation", p)))
            .Concat(Test.Select(p => ("test", p)))
            .Select(x => new
            {
                Set = x.Item1,
                Kind = x.p.Kind.ToString(),
                Track = x.p.TrackId,
                Source = x.p.SourceRider,
                Target = x.p.TargetRider,
                SourceFrame = x.p.SourceFrame,
                TargetFrame = x.p.TargetFrame,
                x.p.Label,
            })
            .ToDataFrame();

    /// <summary>Counts per set and kind.</summary>
    public DataFrame Counts() =>
        Train
            .Select(p => ("train", p.Kind))
            .Concat(Validation.Select(p => ("validation", p.Kind)))
            .Concat(Test.Select(p => ("test", p.Kind)))
            .GroupBy(x => x)
            .Select(g => new
            {
                Set = g.Key.Item1,
                Kind = g.Key.Kind.ToString(),
                Count = g.Count(),
            })
            .ToDataFrame();
}
