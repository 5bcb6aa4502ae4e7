namespace Lib.Track.Dataset;

/// <summary>What the model's output is added to, in z-space: it predicts the change from this mark.</summary>
public enum ResidualBase
{
    /// <summary>Nothing: the model predicts the z-score itself.</summary>
    None,

    /// <summary>The peak of the most recent input season, of any label.</summary>
    LastPeak,

    /// <summary>The peak of the most recent input season with the target's label.</summary>
    LastSameLabelPeak,
}
