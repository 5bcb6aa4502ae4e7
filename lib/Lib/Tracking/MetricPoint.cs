namespace Lib.Tracking;

/// <summary>One logged value of a metric.</summary>
/// <param name="Timestamp">When it was logged (Unix milliseconds, as MLflow stores it).</param>
/// <param name="Value">The value.</param>
/// <param name="Step">The training step or epoch it belongs to.</param>
public readonly record struct MetricPoint(long Timestamp, double Value, long Step);
