namespace Lib.Tensors.Training;

/// <summary>Whether a monitored metric improves by going down (loss) or up (accuracy).</summary>
public enum MetricMode
{
    /// <summary>Lower is better.</summary>
    Min,

    /// <summary>Higher is better.</summary>
    Max,
}
