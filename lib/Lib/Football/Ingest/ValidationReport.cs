using Lib.Football.Domain;
using Lib.Storage;
using Microsoft.Data.Analysis;

namespace Lib.Football.Ingest;

/// <summary>
/// The validator's report: every issue (rule, file, play, line, entity, frame, message) and a summary per rule.
/// </summary>
/// <param name="Issues">Every failure, the rows left out while reading first.</param>
/// <param name="RowsChecked">The rows of the table the row checks ran on.</param>
/// <param name="Checked">Whether the row checks ran (false with <c>--no-validation</c>: only what reading left out is
/// reported).</param>
public sealed record ValidationReport(IReadOnlyList<ValidationIssue> Issues, int RowsChecked, bool Checked)
{
    /// <summary>One line per rule: its name, what it checks, its failures, the rows left out for it, the plays and
    /// files it touched and its first failure.</summary>
    public IReadOnlyList<RuleSummary> Summary =>
        _summary ??= [
            .. ValidationRules.All.Select(rule =>
            {
                var failures = Issues.Where(i => i.Rule == rule).ToList();
                return new RuleSummary(
                    rule.Name(),
                    rule.Description(),
                    failures.Count,
                    failures.Count(i => i.LeftOut),
                    failures.Where(i => i.GameId is not null).Select(i => (i.GameId, i.PlayId)).Distinct().Count(),
                    failures.Select(i => i.Source).Distinct().Count(),
                    failures.Count == 0 ? "" : failures[0].ToString()
                );
            }),
        ];

    private IReadOnlyList<RuleSummary>? _summary;

    /// <summary>The failures of one rule.</summary>
    public IEnumerable<ValidationIssue> Of(ValidationRule rule) => Issues.Where(i => i.Rule == rule);

    /// <summary>The number of failures of one rule.</summary>
    public int Count(ValidationRule rule) => Issues.Count(i => i.Rule == rule);

    /// <summary>The summary as a table (a DataFrame, shown in notebooks).</summary>
    public DataFrame ToDataFrame() => Summary.ToDataFrame();

    /// <summary>The issues as a table (file, location, rule, message), at most <paramref name="limit"/> per
    /// rule.</summary>
    public DataFrame IssuesFrame(int limit = 5) =>
        Issues
            .GroupBy(i => i.Rule)
            .SelectMany(g => g.Take(limit))
            .Select(i => new
            {
                rule = i.Rule.Name(),
                file = i.Source,
                play = i.GameId is null ? "" : $"{i.GameId}/{i.PlayId}",
                line = i.Line,
                nfl_id = i.NflId,
                frame = i.FrameId,
                left_out = i.LeftOut,
                message = i.Message,
            })
            .ToDataFrame();

    /// <summary>Writes every issue as CSV (rule, source, game_id, play_id, line, nfl_id, frame_id, message, text,
    /// left_out), atomically.</summary>
    public void WriteCsv(string path) => RecordTable.Write(Issues, path);

    /// <summary>Reads issues written by <see cref="WriteCsv"/>.</summary>
    public static ValidationReport ReadCsv(string path, int rowsChecked, bool isChecked) =>
        new(RecordTable.Read<ValidationIssue>(path), rowsChecked, isChecked);
}

/// <summary>One rule's line in a <see cref="ValidationReport"/>.</summary>
public sealed record RuleSummary(
    string Rule,
    string Checks,
    int Failures,
    int LeftOut,
    int Plays,
    int Files,
    string First
);
