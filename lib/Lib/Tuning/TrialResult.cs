namespace Lib.Tuning;

/// <summary>One finished trial of a study.</summary>
/// <param name="Number">The trial's number in the study's plan (from 0).</param>
/// <param name="Parameters">Its parameter values.</param>
/// <param name="Budget">Its budget under successive halving; null otherwise.</param>
/// <param name="Value">The objective's value (NaN when the objective returned NaN).</param>
/// <param name="RunId">The tracked run that holds it.</param>
/// <param name="Reused">True when the trial was found finished in the store and not rerun.</param>
public sealed record TrialResult(
    int Number,
    TrialParameters Parameters,
    int? Budget,
    double Value,
    string RunId,
    bool Reused
);
