namespace Lib.Climbing.Dataset;

/// <summary>Which part of the data a route belongs to.</summary>
public enum SplitName
{
    /// <summary>Fitted on.</summary>
    Train,

    /// <summary>Used for early stopping and choosing settings.</summary>
    Val,

    /// <summary>Held out for the final numbers.</summary>
    Test,
}
