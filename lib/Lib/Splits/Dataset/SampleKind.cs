namespace Lib.Splits.Dataset;

/// <summary>Where a clip pair comes from (the original's <c>sample_type</c>).</summary>
public enum SampleKind
{
    /// <summary>Both clips end at the same annotated point (label 1; regressor offset 0).</summary>
    Split,

    /// <summary>Both clips end at the same fraction of a segment between two points (label 1; offset 0).</summary>
    Augmented,

    /// <summary>The target clip ends elsewhere (label 0).</summary>
    Negative,

    /// <summary>Regressor: the clips do not overlap; the label is the offset to the matching frame.</summary>
    NonOverlapping,
}
