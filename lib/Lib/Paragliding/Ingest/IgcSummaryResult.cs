using Lib.Paragliding.Domain;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// What <see cref="ParaglidingIngestStep.Igc"/> gives: one summary per log (by file name), the records left out as
/// malformed (file and line), and the CSV written (null when none was asked for).
/// </summary>
public sealed record IgcSummaryResult(
    IReadOnlyList<FlightSummary> Summaries,
    IReadOnlyList<RejectedRecord> Rejected,
    string? Written
);
