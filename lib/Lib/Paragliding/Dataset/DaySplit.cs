namespace Lib.Paragliding.Dataset;

/// <summary>The part of the data a site-day belongs to.</summary>
public enum DaySplit
{
    /// <summary>Fitted on.</summary>
    Train,

    /// <summary>Early stopping and the calibrators.</summary>
    Val,

    /// <summary>Scored once, never tuned on.</summary>
    Test,
}
