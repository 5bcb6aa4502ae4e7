using System.Globalization;
using Lib.Tuning;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary>
/// The comparison table every <c>lab tune &lt;sport&gt;</c> prints: a row per trial with its budget (epochs, when
/// successive halving gave trials budgets), its parameters, the metric, the best so far, whether it was read back from
/// an earlier run, and the run id's first 8 characters.
/// </summary>
internal static class StudyTable
{
    /// <summary>The table of <paramref name="study"/>, metric values in <paramref name="valueFormat"/>.</summary>
    public static Table Of(StudyResult study, string valueFormat = "0.000")
    {
        var inv = CultureInfo.InvariantCulture;
        var halving = study.Trials.Any(t => t.Budget is not null);
        var names = study.Space.Parameters.Select(p => p.Name).ToList();
        var table = new Table().AddColumn("trial");
        if (halving)
            table.AddColumn("epochs");
        foreach (var name in names)
            table.AddColumn(name);
        table.AddColumns(study.Metric, "best so far", "reused", "run id");
        var bestSoFar = study.BestSoFar();
        for (var i = 0; i < study.Trials.Count; i++)
        {
            var t = study.Trials[i];
            var row = new List<string> { t.Number.ToString(inv) };
            if (halving)
                row.Add(t.Budget is { } b ? b.ToString(inv) : "");
            row.AddRange(
                names.Select(n =>
                    t.Parameters[n] is double d ? d.ToString("G4", inv) : ParameterDomain.Format(t.Parameters[n])
                )
            );
            row.AddRange([
                t.Value.ToString(valueFormat, inv),
                bestSoFar[i].ToString(valueFormat, inv),
                t.Reused ? "yes" : "",
                t.RunId[..Math.Min(8, t.RunId.Length)],
            ]);
            table.AddRow([.. row.Select(Markup.Escape)]);
        }
        return table;
    }
}
