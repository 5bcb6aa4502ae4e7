namespace Lib.Splits.Ingest;

/// <summary>
/// How a run ended, as the timing prints it: <c>OK</c> (a final time), <c>DNF</c> (did not finish: in timed training,
/// some split but no run time), <c>DNS</c> (did not start: in timed training, an empty run slot), <c>DSQ</c>
/// (disqualified).
/// </summary>
public enum TimingStatus
{
    /// <summary>A final (run) time.</summary>
    OK,

    /// <summary>Did not finish.</summary>
    DNF,

    /// <summary>Did not start.</summary>
    DNS,

    /// <summary>Disqualified.</summary>
    DSQ,
}
