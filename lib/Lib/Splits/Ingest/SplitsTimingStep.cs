using Lib.Display;
using Lib.Storage;
using Lib.Tensors.IO;
using Lib.Workflow;

namespace Lib.Splits.Ingest;

/// <summary>
/// The official-timing step, the one orchestration <c>lab splits timing</c> and <c>notebooks/splits/01-timing.dib</c>
/// call: read a timing file or folder (<see cref="TimingSources"/>), resolve the official record of each round
/// (<see cref="OfficialTiming"/>: the PDF wins, disagreements listed) and, given an output path, write the normalised
/// rows (<c>riders.csv</c>, the columns of <c>timing_expected.csv</c>) with <c>disagreements.csv</c> and
/// <c>rejected.csv</c> beside it.
/// </summary>
public static class SplitsTimingStep
{
    /// <summary>
    /// Runs the step on <paramref name="input"/>; writes files only when <paramref name="output"/> is set.
    /// </summary>
    public static TimingReport Run(string input, string? output = null, IProgressReporter? progress = null)
    {
        var files = Directory.Exists(input) ? TimingSources.FilesIn(input) : [input];
        var task = progress?.Start("Reading official timing", files.Count);
        var parts = new List<IngestResult<TimingRow>>();
        foreach (var file in files)
        {
            task?.SetStatus(Path.GetFileName(file));
            parts.Add(TimingSources.ReadFile(file));
            task?.Advance();
        }
        task?.Complete();
        var all = IngestResult<TimingRow>.Concat(parts);
        var official = OfficialTiming.Resolve(all.Rows);
        var written = new List<string>();
        if (output is not null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
            Directory.CreateDirectory(folder);
            TimingCsv.Write(all.Rows, output);
            var disagreements = Path.Combine(folder, "disagreements.csv");
            WriteDisagreements(official.Disagreements, disagreements);
            var rejected = Path.Combine(folder, "rejected.csv");
            WriteRejected(all.Rejected, rejected);
            written.AddRange([output, disagreements, rejected]);
        }
        return new TimingReport(all.Rows, all.Rejected, official, written);
    }

    /// <summary>
    /// Writes disagreements as CSV (<c>race, round, run, rider, field, pdf, csv, csv_file, pdf_file</c>).
    /// </summary>
    public static void WriteDisagreements(IEnumerable<TimingDisagreement> rows, string path)
    {
        var lines = new List<string> { "race,round,run,rider,field,pdf,csv,csv_file,pdf_file" };
        lines.AddRange(
            rows.Select(d =>
                string.Join(
                    ",",
                    new[]
                    {
                        d.Race,
                        d.Round,
                        d.Run?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
                        d.Rider,
                        d.Field,
                        d.PdfValue,
                        d.CsvValue,
                        d.CsvFile,
                        d.PdfFile,
                    }.Select(TimingCsv.Quote)
                )
            )
        );
        AtomicFile.WriteAllText(path, string.Join("\n", lines) + "\n");
    }

    /// <summary>Writes the records left out (<c>source, location, reason, text</c>).</summary>
    public static void WriteRejected(IEnumerable<RejectedRecord> rows, string path)
    {
        var lines = new List<string> { "source,location,reason,text" };
        lines.AddRange(
            rows.Select(r => string.Join(",", new[] { r.Source, r.Location, r.Reason, r.Text }.Select(TimingCsv.Quote)))
        );
        AtomicFile.WriteAllText(path, string.Join("\n", lines) + "\n");
    }
}
