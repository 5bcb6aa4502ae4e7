using Lib.Storage;
using Lib.Workflow;

namespace Lib.Paragliding.Predict;

/// <summary>
/// The pairs to score (<c>pairs.csv</c>: <c>site_id,date</c>, the site ids of <c>takeoff_sites.csv</c>, ISO dates).
/// A row whose date does not read is rejected with its line; an unknown site is left to the model to refuse.
/// </summary>
public static class SiteDayPairs
{
    /// <summary>The pairs of <paramref name="path"/> in file order, and the rows left out.</summary>
    public static IngestResult<(string SiteId, DateOnly Date)> Read(string path)
    {
        var rows = CsvFile.ReadTable(path, "site_id", "date");
        var pairs = new List<(string, DateOnly)>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows)
        {
            if (!row.TryDate("date", out var date))
                rejected.Add(
                    RejectedRecord.AtLine(
                        Path.GetFileName(path),
                        row.Line,
                        row.NotADate("date"),
                        $"{row["site_id"]},{row["date"]}"
                    )
                );
            else
                pairs.Add((row["site_id"].Trim(), date));
        }
        return new IngestResult<(string, DateOnly)>(pairs, rejected);
    }
}
