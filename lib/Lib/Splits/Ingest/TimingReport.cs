using Lib.Workflow;

namespace Lib.Splits.Ingest;

/// <summary>
/// What <see cref="SplitsTimingStep"/> gives: every normalised row of every file (as <c>timing_expected.csv</c>), the
/// records left out, the official record per round (the PDF's rows where a round has one), every PDF-vs-CSV
/// disagreement, and the files written.
/// </summary>
public sealed record TimingReport(
    IReadOnlyList<TimingRow> Rows,
    IReadOnlyList<RejectedRecord> Rejected,
    OfficialTiming Official,
    IReadOnlyList<string> Written
)
{
    /// <summary>The official runs that did not end with a time (DNF, DNS, DSQ): reported, never dropped.</summary>
    public IReadOnlyList<TimingRow> NotFinished => [.. Official.Rows.Where(r => r.Status != TimingStatus.OK)];

    /// <summary>The official runs with a final time but some intermediate missing (kept with blanks).</summary>
    public IReadOnlyList<TimingRow> Partial =>
        [.. Official.Rows.Where(r => r.Status == TimingStatus.OK && r.PointsMs.Take(4).Any(p => p is null))];

    /// <summary>Official rows per race, round and status, for a summary table.</summary>
    public IReadOnlyList<(string Race, string Round, string Status, int Count)> StatusCounts =>
        [
            .. Official
                .Rows.GroupBy(r => (r.Race, r.Round, Status: r.Status.ToString()))
                .OrderBy(g => g.Key.Race, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Round, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Status, StringComparer.Ordinal)
                .Select(g => (g.Key.Race, g.Key.Round, g.Key.Status, g.Count())),
        ];
}
