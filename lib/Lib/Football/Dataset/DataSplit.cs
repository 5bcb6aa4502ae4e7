namespace Lib.Football.Dataset;

/// <summary>The three parts of the split by game.</summary>
public enum DataSplit
{
    /// <summary>Games trained on.</summary>
    Train,

    /// <summary>Games for early stopping and tuning.</summary>
    Validation,

    /// <summary>Held-out games, read only to report.</summary>
    Test,
}
