using Lib.Charts;
using Lib.Track.Model;

namespace Lib.Track.Evaluate;

/// <summary>The evaluation's charts: forecasts against actual peaks per event family, the error by event, the learning curves.</summary>
public static class EvaluationCharts
{
    /// <summary>The model's forecast against the actual peak for every test window, one panel per event family, with the line y = x.</summary>
    public static Figure PredictedVsActual(GenderEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var families = evaluation.Forecasts.GroupBy(f => f.Window.Family.Event.Family).OrderBy(g => g.Key).ToList();
        var columns = Math.Min(3, families.Count);
        var rows = (families.Count + columns - 1) / columns;
        var figure = new Figure($"{Who(evaluation)}: forecast vs actual peak on the test seasons ({string.Join(", ", evaluation.TestSeasons)})").Grid(rows, columns).Height(260 * rows);
        for (var i = 0; i < families.Count; i++)
        {
            var (row, col) = (i / columns + 1, i % columns + 1);
            var group = families[i].ToList();
            var unit = Unit(group[0].Window.Family.Event.Unit);
            double lo = group.Min(f => Math.Min(f.Actual, f.Model)), hi = group.Max(f => Math.Max(f.Actual, f.Model));
            figure.Scatter(group.Select(f => f.Actual), group.Select(f => f.Model), families[i].Key.ToString(), mode: "markers",
                hoverText: group.Select(f => $"{f.Window.Family.Athlete} {f.Window.Family.Event.Code} {f.Window.TargetSeason.Season}"), row: row, col: col);
            figure.Scatter(new[] { lo, hi }, new[] { lo, hi }, "y = x", mode: "lines", row: row, col: col);
            figure.Axes($"{families[i].Key}: actual ({unit})", "forecast", row, col);
        }
        return figure.Layout("showlegend", false);
    }

    /// <summary>The error in percent of the mark per event, for the model and each baseline (grouped bars).</summary>
    public static Figure ErrorByEvent(GenderEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var events = evaluation.Model.PercentByEvent.Keys.ToList();
        var figure = new Figure($"{Who(evaluation)}: error by event on the test seasons (% of the mark)").Axes("event", "mean error (%)").Height(420);
        foreach (var score in evaluation.Scores)
            figure.Bar(events, events.Select(e => Math.Round(score.PercentByEvent[e], 3)), score.Predictor,
                hoverText: events.Select(e => $"{e}: {evaluation.Forecasts.Count(f => f.Window.Family.Event.Code == e)} windows"));
        return figure.Layout("barmode", "group");
    }

    /// <summary>Training loss and validation loss (L1 in z-space) per epoch, and the validation error in percent on a second panel.</summary>
    public static Figure LearningCurves(params TrackModelMeta[] metas)
    {
        ArgumentNullException.ThrowIfNull(metas);
        var figure = new Figure("Learning curves").Grid(1, 2).Height(360);
        foreach (var meta in metas)
        {
            var who = meta.Gender == "F" ? "women" : "men";
            var epochs = meta.History.Select(h => h.Epoch + 1).ToList();
            figure.Scatter(epochs, meta.History.Select(h => h.TrainLoss), $"{who} train loss", mode: "lines", row: 1, col: 1);
            figure.Scatter(epochs, meta.History.Select(h => h.Validation.GetValueOrDefault("val_l1_z", double.NaN)), $"{who} validation loss", mode: "lines", row: 1, col: 1);
            figure.Scatter(epochs, meta.History.Select(h => h.Validation.GetValueOrDefault("val_pct", double.NaN)), $"{who} validation error %", mode: "lines", row: 1, col: 2);
        }
        return figure.Axes("epoch", "L1 loss (z)", 1, 1).Axes("epoch", "validation error (% of the mark)", 1, 2);
    }

    private static string Who(GenderEvaluation e) => e.Gender == "F" ? "Women" : "Men";

    private static string Unit(Events.MarkUnit unit) => unit switch { Events.MarkUnit.Seconds => "s", Events.MarkUnit.Metres => "m", _ => "points" };
}
