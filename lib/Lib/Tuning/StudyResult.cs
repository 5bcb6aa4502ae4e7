using Lib.Storage;
using Lib.Tensors.Training;
using Microsoft.Data.Analysis;

namespace Lib.Tuning;

/// <summary>A study's trials in the order they ran (reused ones included), the best one, and whether it was
/// cancelled before its plan was done.</summary>
/// <param name="Name">The study's name.</param>
/// <param name="Metric">The objective's metric.</param>
/// <param name="Mode">Whether lower or higher is better.</param>
/// <param name="Space">The search space.</param>
/// <param name="Trials">The trials, in the order they ran (under successive halving, rung by rung).</param>
/// <param name="Cancelled">True when the study stopped on cancellation before finishing its plan.</param>
public sealed record StudyResult(
    string Name,
    string Metric,
    MetricMode Mode,
    SearchSpace Space,
    IReadOnlyList<TrialResult> Trials,
    bool Cancelled
)
{
    /// <summary>The best trial among those with the largest budget reached (all trials without successive
    /// halving); null when none has a value that is not NaN.</summary>
    public TrialResult? Best
    {
        get
        {
            var top = Trials.Where(t => !double.IsNaN(t.Value)).ToList();
            if (top.Count == 0)
                return null;
            var budget = top.Max(t => t.Budget ?? 0);
            top = [.. top.Where(t => (t.Budget ?? 0) == budget)];
            return Mode == MetricMode.Min ? top.MinBy(t => t.Value) : top.MaxBy(t => t.Value);
        }
    }

    /// <summary>The best value seen up to and including each trial (NaN until a value is not NaN).</summary>
    public IReadOnlyList<double> BestSoFar()
    {
        var result = new List<double>(Trials.Count);
        double best = double.NaN;
        foreach (var t in Trials)
        {
            if (!double.IsNaN(t.Value) && (double.IsNaN(best) || Better(t.Value, best)))
                best = t.Value;
            result.Add(best);
        }
        return result;
    }

    /// <summary>
    /// The comparison table: a row per trial in run order with <c>trial</c>, <c>budget</c> (under successive
    /// halving), a column per parameter, the metric, <c>best_so_far</c>, <c>reused</c> and <c>run_id</c>.
    /// </summary>
    public DataFrame ToDataFrame()
    {
        var columns = new List<(string, Type, IReadOnlyList<object?>)>
        {
            ("trial", typeof(int), [.. Trials.Select(t => (object?)t.Number)]),
        };
        if (Trials.Any(t => t.Budget is not null))
            columns.Add(("budget", typeof(int?), [.. Trials.Select(t => (object?)t.Budget)]));
        foreach (var p in Space.Parameters)
            columns.Add((p.Name, p.ValueType, [.. Trials.Select(t => Cell(t.Parameters[p.Name], p.ValueType))]));
        columns.Add((Metric, typeof(double), [.. Trials.Select(t => (object?)t.Value)]));
        columns.Add(("best_so_far", typeof(double), [.. BestSoFar().Select(v => (object?)v)]));
        columns.Add(("reused", typeof(bool), [.. Trials.Select(t => (object?)t.Reused)]));
        columns.Add(("run_id", typeof(string), [.. Trials.Select(t => (object?)t.RunId)]));
        return DataFrames.From(columns);
    }

    private bool Better(double a, double b) => Mode == MetricMode.Min ? a < b : a > b;

    private static object? Cell(object value, Type type) =>
        type == typeof(string) ? ParameterDomain.Format(value) : value;
}
