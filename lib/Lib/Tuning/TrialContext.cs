using Lib.Tracking;

namespace Lib.Tuning;

/// <summary>What an objective gets besides the parameters: which trial it is, its budget under successive halving,
/// its tracked run (for metrics of its own, say per epoch) and the study's cancellation token.</summary>
/// <param name="Number">The trial's number in the study's plan (from 0).</param>
/// <param name="Budget">The resource to spend (epochs, steps) under successive halving; null otherwise.</param>
/// <param name="Run">The trial's tracked run, already holding the parameters.</param>
/// <param name="CancellationToken">Cancelled when the study is asked to stop; pass it on to the training loop.
/// </param>
public sealed record TrialContext(int Number, int? Budget, TrackedRun Run, CancellationToken CancellationToken)
{
    /// <summary>Logs a metric on the trial's run (<see cref="TrackedRun.LogMetric"/>).</summary>
    public void LogMetric(string key, double value, long step = 0) => Run.LogMetric(key, value, step);
}
