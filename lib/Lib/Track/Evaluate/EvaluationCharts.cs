using Lib.Charts;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Track.Train;
using Lib.Workflow;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Track.Evaluate;

/// <summary>
/// The evaluation's charts (Plotly.NET): forecasts against actual peaks per event family, the error by event,
/// the learning curves.
/// </summary>
public static class EvaluationCharts
{
    /// <summary>
    /// The model's forecast against the actual peak for every test window, one panel per event family (up to
    /// three per row), with the line y = x.
    /// </summary>
    /// <exception cref="ArgumentException">The evaluation has no forecasts.</exception>
    public static GenericChart PredictedVsActual(GenderEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var families = evaluation.Forecasts.GroupBy(f => f.Window.History.Event.Family).OrderBy(g => g.Key).ToList();
        if (families.Count == 0)
            throw new ArgumentException(
                $"{Who(evaluation)}: the evaluation has no forecasts to chart.",
                nameof(evaluation)
            );
        var columns = Math.Min(3, families.Count);
        var rows = (families.Count + columns - 1) / columns;
        var panels = families
            .Select(family =>
            {
                var group = family.ToList();
                var unit = Unit(group[0].Window.History.Event.Unit);
                double lo = group.Min(f => Math.Min(f.Actual, f.Model)),
                    hi = group.Max(f => Math.Max(f.Actual, f.Model));
                var hover = group.Select(f =>
                    $"{f.Window.History.Athlete} {f.Window.History.Event.Code} {f.Window.TargetSeason.Season}"
                );
                var points = Chart
                    .Point<double, double, string>(
                        group.Select(f => f.Actual),
                        group.Select(f => f.Model),
                        Name: family.Key.ToString()
                    )
                    .WithTraceProperty("hovertext", hover.ToArray());
                var diagonal = Chart.Line<double, double, string>(new[] { lo, hi }, new[] { lo, hi }, Name: "y = x");
                return Chart.Combine([points, diagonal]).WithAxisTitles($"{family.Key}: actual ({unit})", "forecast");
            })
            .ToList();
        var seasons = string.Join(", ", evaluation.TestSeasons);
        return Chart
            .Grid(panels, rows, columns)
            .WithTitle($"{Who(evaluation)}: forecast vs actual peak on the test seasons ({seasons})")
            .WithHeight(260 * rows)
            .WithLayoutProperty("showlegend", false);
    }

    /// <summary>The error in percent of the mark per event, for the model and each baseline (grouped bars).</summary>
    public static GenericChart ErrorByEvent(GenderEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var events = evaluation.Model.PercentByEvent.Keys.ToList();
        var hover = events
            .Select(e => $"{e}: {evaluation.Forecasts.Count(f => f.Window.History.Event.Code == e)} windows")
            .ToArray();
        var bars = evaluation.Scores.Select(score =>
            Chart
                .Column<double, string, string>(
                    events.Select(e => Math.Round(score.PercentByEvent[e], 3)),
                    Keys: events,
                    Name: score.Predictor
                )
                .WithTraceProperty("hovertext", hover)
        );
        return Chart
            .Combine(bars)
            .WithTitle($"{Who(evaluation)}: error by event on the test seasons (% of the mark)")
            .WithAxisTitles("event", "mean error (%)")
            .WithHeight(420)
            .WithLayoutProperty("barmode", "group");
    }

    /// <summary>
    /// Training loss and validation loss (L1 in z-space) per epoch, and the validation error in percent on a
    /// second panel, from the models' cards. A missing validation value is a gap in its line.
    /// </summary>
    /// <exception cref="ArgumentException">No model card was given.</exception>
    public static GenericChart LearningCurves(params ModelCard<TrackModelConfig, TrackInputs>[] cards)
    {
        ArgumentNullException.ThrowIfNull(cards);
        if (cards.Length == 0)
            throw new ArgumentException("Learning curves need at least one model's card.", nameof(cards));
        var losses = new List<GenericChart>();
        var errors = new List<GenericChart>();
        foreach (var card in cards)
        {
            var who = TrackModels.Name(card.Inputs.Gender);
            var epochs = card.History.Select(h => h.Epoch + 1).ToList();
            IEnumerable<double> Validation(string key) =>
                card.History.Select(h => h.Metrics.GetValueOrDefault(key, double.NaN));
            var train = card.History.Select(h => h.TrainLoss);
            losses.Add(Chart.Line<int, double, string>(epochs, train, Name: $"{who} train loss"));
            losses.Add(Chart.Line<int, double, string>(epochs, Validation("val_l1_z"), Name: $"{who} validation loss"));
            errors.Add(
                Chart.Line<int, double, string>(
                    epochs,
                    Validation(TrackTrainer.ValidationMetric),
                    Name: $"{who} validation error %"
                )
            );
        }
        return Chart
            .Grid(
                [
                    Chart.Combine(losses).WithAxisTitles("epoch", "L1 loss (z)"),
                    Chart.Combine(errors).WithAxisTitles("epoch", "validation error (% of the mark)"),
                ],
                1,
                2
            )
            .WithTitle("Learning curves")
            .WithHeight(360);
    }

    private static string Who(GenderEvaluation e) => e.Gender == Gender.Women ? "Women" : "Men";

    private static string Unit(MarkUnit unit) =>
        unit switch
        {
            MarkUnit.Seconds => "s",
            MarkUnit.Metres => "m",
            _ => "points",
        };
}
