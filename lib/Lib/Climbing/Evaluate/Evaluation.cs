using System.Globalization;
using System.Text;
using Lib.Charts;
using Lib.Climbing.Domain;
using Lib.Display;
using Lib.Storage;
using Lib.Workflow;
using Microsoft.Data.Analysis;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// Several predictors (the Transformer, the baselines) on the same graded routes: every route's
/// predictions, and the metrics overall, per board and per board and angle. Written as
/// <c>predictions.csv</c> and <c>metrics.json</c>/<c>metrics.csv</c>; charted as predicted against true,
/// a V-grade confusion matrix and absolute error by board.
/// </summary>
public sealed class Evaluation
{
    private Evaluation(
        IReadOnlyList<string> predictors,
        IReadOnlyList<PredictionRow> rows,
        IReadOnlyList<MetricRow> metrics,
        GradeScale grades
    )
    {
        Predictors = predictors;
        Rows = rows;
        Metrics = metrics;
        Grades = grades;
    }

    /// <summary>The predictors' names, in column order.</summary>
    public IReadOnlyList<string> Predictors { get; }

    /// <summary>Every route with its predictions.</summary>
    public IReadOnlyList<PredictionRow> Rows { get; }

    /// <summary>The metric table: overall, then per board, then per board and angle; predictors in order within each
    /// group.</summary>
    public IReadOnlyList<MetricRow> Metrics { get; }

    /// <summary>The grade scale.</summary>
    public GradeScale Grades { get; }

    /// <summary>Runs every predictor on the graded <paramref name="routes"/>.</summary>
    public static Evaluation Run(
        IReadOnlyList<Route> routes,
        IReadOnlyList<IPredictor<Route>> predictors,
        GradeScale grades
    )
    {
        ArgumentNullException.ThrowIfNull(routes);
        ArgumentNullException.ThrowIfNull(predictors);
        ArgumentNullException.ThrowIfNull(grades);
        var graded = routes.Where(r => r.Difficulty is not null).ToList();
        if (graded.Count == 0)
            throw new ArgumentException("Nothing to evaluate: no graded routes.", nameof(routes));
        var names = predictors.Select(p => p.Name).ToList();
        if (names.Distinct().Count() != names.Count)
            throw new ArgumentException(
                $"Predictor names must differ: {string.Join(", ", names)}.",
                nameof(predictors)
            );
        var predictions = predictors.Select(p => p.Predict(graded)).ToList();
        var rows = graded
            .Select(
                (r, i) =>
                    new PredictionRow(
                        r.Key,
                        r.Board,
                        r.Angle,
                        r.RouteId,
                        r.Name,
                        r.Difficulty!.Value,
                        grades.VGrade(r.Difficulty!.Value),
                        [.. predictions.Select(p => p[i])]
                    )
            )
            .ToList();

        var metrics = new List<MetricRow>();
        void Add(string scope, string group, List<int> members)
        {
            var actual = members.Select(i => rows[i].Difficulty).ToList();
            for (int p = 0; p < names.Count; p++)
                metrics.Add(
                    MetricRow.Of(
                        scope,
                        group,
                        names[p],
                        GradeMetrics.Compute([.. members.Select(i => predictions[p][i])], actual, grades)
                    )
                );
        }
        var all = Enumerable.Range(0, rows.Count).ToList();
        Add("overall", "all", all);
        foreach (var g in all.GroupBy(i => rows[i].Board).OrderBy(g => g.Key, StringComparer.Ordinal))
            Add("board", g.Key, [.. g]);
        foreach (
            var g in all.GroupBy(i => (rows[i].Board, rows[i].Angle))
                .OrderBy(g => g.Key.Board, StringComparer.Ordinal)
                .ThenBy(g => g.Key.Angle)
        )
            Add("board+angle", string.Create(CultureInfo.InvariantCulture, $"{g.Key.Board}@{g.Key.Angle}"), [.. g]);
        return new Evaluation(names, rows, metrics, grades);
    }

    /// <summary>The metrics of one predictor on one group.</summary>
    public MetricRow Metric(string predictor, string group = "all") =>
        Metrics.FirstOrDefault(m => m.Predictor == predictor && m.Group == group)
        ?? throw new KeyNotFoundException(
            $"No metrics for predictor '{predictor}' on group '{group}' (predictors: {string.Join(", ", Predictors)})."
        );

    /// <summary>The metric rows of one scope as a table (MAE, RMSE, R², ±1, ±2, V exact/±1/±2).</summary>
    public DataFrame Table(string scope = "board") =>
        Metrics.Where(m => m.Scope == scope || (scope == "board" && m.Scope == "overall")).ToDataFrame();

    /// <summary>Writes <c>predictions.csv</c>: key, board, angle, route_id, name, difficulty, v_grade, then one column
    /// per predictor (atomically).</summary>
    public void WritePredictions(string path) =>
        CsvFile.Write(
            path,
            ["key", "board", "angle", "route_id", "name", "difficulty", "v_grade", .. Predictors],
            Rows.Select(r =>
                (IReadOnlyList<string?>)
                    [
                        r.Key,
                        r.Board,
                        Text(r.Angle),
                        r.RouteId,
                        r.Name,
                        Text(r.Difficulty),
                        Text(r.VGrade),
                        .. r.Predicted.Select(v => Text(v)),
                    ]
            )
        );

    /// <summary>Writes the metric table as JSON (a list of rows) and, when given, CSV (atomically).</summary>
    public void WriteMetrics(string jsonPath, string? csvPath = null)
    {
        ClimbingJson.Write(jsonPath, Metrics);
        if (csvPath is null)
            return;
        CsvFile.Write(
            csvPath,
            [
                "scope",
                "group",
                "predictor",
                "count",
                "mae",
                "rmse",
                "r2",
                "within1",
                "within2",
                "v_exact",
                "v_within1",
                "v_within2",
            ],
            Metrics.Select(m =>
                (IReadOnlyList<string?>)
                    [
                        m.Scope,
                        m.Group,
                        m.Predictor,
                        Text(m.Count),
                        Text(m.Mae),
                        Text(m.Rmse),
                        Text(m.R2),
                        Text(m.Within1),
                        Text(m.Within2),
                        Text(m.VExact),
                        Text(m.VWithin1),
                        Text(m.VWithin2),
                    ]
            )
        );
    }

    private static string Text(double value, string format = "0.####") =>
        value.ToString(format, CultureInfo.InvariantCulture);

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Predicted against true difficulty for one predictor, one series per board, with the diagonal.</summary>
    public GenericChart PredictedVsTrue(string predictor)
    {
        int p = IndexOf(predictor);
        var series = Rows.GroupBy(r => r.Board)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
                Chart
                    .Point<double, double, string>(
                        g.Select(r => r.Difficulty),
                        g.Select(r => Math.Round(r.Predicted[p], 2)),
                        Name: g.Key
                    )
                    .WithTraceProperty("hovertext", g.Select(r => $"{r.Name} ({r.Key})").ToArray())
            )
            .ToList();
        double lo = Rows.Min(r => Math.Min(r.Difficulty, r.Predicted[p]));
        double hi = Rows.Max(r => Math.Max(r.Difficulty, r.Predicted[p]));
        series.Add(Chart.Line<double, double, string>(new[] { lo, hi }, new[] { lo, hi }, Name: "exact"));
        return Chart
            .Combine(series)
            .WithTitle($"{predictor}: predicted vs true difficulty")
            .WithAxisTitles("true difficulty", "predicted difficulty")
            .WithHeight(420);
    }

    /// <summary>
    /// The V-grade confusion matrix of one predictor: rows the true V grade, columns the predicted one, cells
    /// the share of the row (empty for a grade no route has).
    /// </summary>
    public GenericChart VGradeConfusion(string predictor)
    {
        int p = IndexOf(predictor);
        var predicted = Rows.Select(r => Grades.VGrade(r.Predicted[p])).ToList();
        int lo = Math.Min(Rows.Min(r => r.VGrade), predicted.Min());
        int hi = Math.Max(Rows.Max(r => r.VGrade), predicted.Max());
        int n = hi - lo + 1;
        var counts = new double[n, n];
        for (int i = 0; i < Rows.Count; i++)
            counts[Rows[i].VGrade - lo, predicted[i] - lo]++;
        var shares = new double?[n][];
        for (int t = 0; t < n; t++)
        {
            double sum = 0;
            for (int c = 0; c < n; c++)
                sum += counts[t, c];
            shares[t] = [.. Enumerable.Range(0, n).Select(c => sum > 0 ? counts[t, c] / sum : (double?)null)];
        }
        var labels = Enumerable.Range(lo, n).Select(v => "V" + v.ToString(CultureInfo.InvariantCulture)).ToList();
        var zeros = Enumerable.Range(0, n).Select(_ => new double[n]);
        return Chart
            .Heatmap<double, string, string, string>(zeros, X: labels, Y: labels)
            .WithTraceProperty("z", shares) // nullable shares: an empty row is a gap, not zero
            .WithTraceProperty("colorscale", "Blues")
            .WithTraceProperty("texttemplate", "%{z:.2f}")
            .WithTraceProperty("hoverongaps", false)
            .WithTitle($"{predictor}: V-grade confusion (share of each true grade)")
            .WithAxisTitles("predicted V grade", "true V grade")
            .WithHeight(460);
    }

    /// <summary>Absolute error by board, one box per predictor.</summary>
    public GenericChart ErrorByBoard()
    {
        var boards = Rows.Select(r => r.Board).ToList();
        var boxes = Predictors.Select(
            (name, p) =>
                Chart.BoxPlot<string, double, string>(
                    X: boards,
                    Y: Rows.Select(r => Math.Abs(r.Predicted[p] - r.Difficulty)).ToList(),
                    Name: name
                )
        );
        return Chart
            .Combine(boxes)
            .WithTitle("absolute error by board")
            .WithAxisTitles("board", "|predicted − true| (difficulty units)")
            .WithHeight(420)
            .WithLayoutProperty("boxmode", "group");
    }

    private int IndexOf(string predictor)
    {
        for (int i = 0; i < Predictors.Count; i++)
            if (Predictors[i] == predictor)
                return i;
        throw new KeyNotFoundException(
            $"No predictor '{predictor}'; the evaluation has {string.Join(", ", Predictors)}."
        );
    }
}
