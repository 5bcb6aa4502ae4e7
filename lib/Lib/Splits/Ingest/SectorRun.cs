namespace Lib.Splits.Ingest;

/// <summary>
/// A real timed run's five sector times in seconds (I1, I2−I1, I3−I2, I4−I3, finish−I4), with where it comes from:
/// the race, the round and the rider as the timing file prints them.
/// </summary>
public sealed record SectorRun(string Race, string Round, string Rider, IReadOnlyList<double> Sectors)
{
    /// <summary>The run time, s.</summary>
    public double Total => Sectors.Sum();
}
