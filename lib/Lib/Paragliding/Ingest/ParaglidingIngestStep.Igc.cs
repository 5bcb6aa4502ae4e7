using Lib.Display;
using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// The paragliding ingest step. This part: IGC flight logs → one summary per log (<c>lab paragliding igc</c>,
/// <c>02-igc.dib</c>).
/// </summary>
public static partial class ParaglidingIngestStep
{
    /// <summary>
    /// Reads one IGC file or every <c>.igc</c> file of a folder, summarises each and, when <paramref name="csv"/> is
    /// given, writes the summaries there (atomically). Malformed records are left out and returned; with
    /// <paramref name="strict"/> the first one is an <see cref="InvalidDataException"/> naming file and line.
    /// </summary>
    public static IgcSummaryResult Igc(
        string fileOrFolder,
        string? csv = null,
        bool strict = false,
        IProgressReporter? progress = null
    )
    {
        var files = IgcReader.Files(fileOrFolder);
        var task = progress?.Start("Summarising IGC logs", files.Count);
        var summaries = new List<FlightSummary>(files.Count);
        var rejected = new List<Workflow.RejectedRecord>();
        foreach (var file in files)
        {
            var log = IgcReader.Read(file, strict);
            summaries.Add(FlightSummaries.Summarise(log));
            rejected.AddRange(log.Rejected);
            task?.Advance();
        }
        task?.Complete();
        if (csv is not null)
            FlightSummaries.WriteCsv(summaries, csv);
        return new IgcSummaryResult(summaries, rejected, csv);
    }
}
