using Lib.Display;
using Lib.Splits.Domain;
using Lib.Tensors.IO;

namespace Lib.Splits.Ingest;

/// <summary>
/// The annotation cross-check, the one orchestration <c>lab splits match-official</c> and
/// <c>notebooks/splits/01-timing.dib</c> call: load the annotations (runs with a bad timecode are left out and
/// reported), read the official timing (<see cref="SplitsTimingStep"/>: the PDF's rows where a round has one) and
/// match every annotated run (<see cref="OfficialMatcher"/>); given an output path, write <c>matches.csv</c>.
/// </summary>
public static class SplitsMatchOfficialStep
{
    /// <summary>Runs the cross-check.</summary>
    public static MatchReport Run(
        string configPath,
        string timing,
        string? output = null,
        double toleranceSeconds = OfficialMatcher.DefaultToleranceSeconds,
        IProgressReporter? progress = null
    )
    {
        var config = VideoConfigYaml.Load(configPath);
        var report = SplitsTimingStep.Run(timing, null, progress);
        var matches = OfficialMatcher.Match(config.Config, report.Official.Rows, toleranceSeconds);
        if (output is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
            var lines = new List<string> { string.Join(",", OfficialMatch.Columns) };
            lines.AddRange(matches.Select(m => string.Join(",", m.Fields().Select(TimingCsv.Quote))));
            AtomicFile.WriteAllText(output, string.Join("\n", lines) + "\n");
        }
        return new MatchReport(config, report, matches);
    }
}
