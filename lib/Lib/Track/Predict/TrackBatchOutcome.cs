using System.Globalization;
using Lib.Workflow;

namespace Lib.Track.Predict;

/// <summary>What a batch of forecasts gave (<see cref="TrackPredictStep.RunBatch"/>,
/// <see cref="TrackPredictStep.RunAthleteAsync"/>).</summary>
/// <param name="Forecasts">One row per request that could be forecast, in the requests' order.</param>
/// <param name="Rejected">The requests that could not be forecast, each with its line and the reason.</param>
/// <param name="InputRejected">The performance rows that were not read (or are relays, which no athlete's history
/// holds), with file, line and reason.</param>
/// <param name="Performances">The performance rows read.</param>
/// <param name="OutPath"><c>forecasts.csv</c>, or null when nothing was written.</param>
/// <param name="RejectedPath">The rejections' file (<c>forecasts.rejected.csv</c>: source, location, reason, text), or
/// null when nothing was written.</param>
public sealed record TrackBatchOutcome(
    IReadOnlyList<BatchForecast> Forecasts,
    IReadOnlyList<RejectedRecord> Rejected,
    IReadOnlyList<RejectedRecord> InputRejected,
    int Performances,
    string? OutPath = null,
    string? RejectedPath = null
)
{
    /// <summary>One line: forecasts made, requests refused, performances read and left out.</summary>
    public string Summary =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{Forecasts.Count} forecasts, {Rejected.Count} requests could not be forecast; {Performances} "
                + $"performances read, {InputRejected.Count} left out."
        );
}
