namespace Lib.Splits.Dataset;

/// <summary>Which model the samples train: the classifier (same place or not) or the regressor (offset).</summary>
public enum SampleTask
{
    /// <summary>Labels 1 (same place) and 0.</summary>
    Classifier,

    /// <summary>Labels are offsets in frames to the matching frame.</summary>
    Regressor,
}
