using Lib.Charts;
using Lib.Football.Dataset;
using Lib.Football.Model;
using Plotly.NET;
using Chart = Plotly.NET.CSharp.Chart;

namespace Lib.Football.Evaluate;

/// <summary>The football evaluation's charts (Plotly.NET): error by horizon, one play's paths on the field, a
/// mixture's modes as a fan.</summary>
public static class FootballCharts
{
    /// <summary>Each forecaster's mean displacement error at every step (0.1 s … 2 s).</summary>
    public static GenericChart ErrorByHorizon(FootballEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var lines = evaluation.ErrorByStep.Select(kv =>
            Chart.Line<double, double, string>(
                kv.Value.Select((_, s) => (s + 1) / 10.0),
                kv.Value.Select(v => Math.Round(v, 3)),
                Name: kv.Key
            )
        );
        return Chart
            .Combine(lines)
            .WithAxisTitles("seconds ahead", "mean displacement error (yd)")
            .WithTitle($"Error by horizon on the {evaluation.Split} games ({evaluation.Samples} samples)");
    }

    /// <summary>
    /// Scene <paramref name="scene"/> of the evaluation's example batch on the field (normalised: the offence
    /// attacks +x): each player's observed path, true future and <paramref name="predictor"/>'s point forecast.
    /// </summary>
    public static GenericChart Play(FootballEvaluation evaluation, int scene = 0, string? predictor = null)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        predictor ??= evaluation.ExampleForecasts.Keys.First();
        return Play(evaluation.Example, evaluation.ExampleForecasts[predictor], scene, predictor);
    }

    /// <summary>A scene's observed, true and forecast paths (see <see cref="Play(FootballEvaluation, int,
    /// string?)"/>).</summary>
    public static GenericChart Play(TrajectoryBatch batch, TrajectoryForecast forecast, int scene, string name)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(forecast);
        var traces = new List<GenericChart>();
        int t = batch.Frames.Size(1),
            f = batch.Frames.Size(2),
            h = batch.Horizon;
        var frames = batch.Frames.Data.ToArray();
        var last = batch.Positions.Data.ToArray();
        var target = batch.Targets.Data.ToArray();
        var mask = batch.TargetMask.Data.ToArray();
        for (int i = 0; i < batch.Nodes.Count; i++)
        {
            var node = batch.Nodes[i];
            if (node.Scene != scene)
                continue;
            double x0 = last[i * 2],
                y0 = last[i * 2 + 1];
            var color = node.Side switch
            {
                "Offense" => "#1f77b4",
                "Defense" => "#d62728",
                _ => "#8c564b",
            };
            var observedX = Enumerable.Range(0, t).Select(s => x0 + frames[(i * t + s) * f] * 5).ToArray();
            var observedY = Enumerable.Range(0, t).Select(s => y0 + frames[(i * t + s) * f + 1] * 5).ToArray();
            traces.Add(Line(observedX, observedY, color, "solid", $"{node.Group} observed"));
            if (node.IsBall)
                continue;
            var real = Enumerable.Range(0, h).Where(s => mask[i * h + s] != 0f).ToList();
            traces.Add(
                Line(
                    [x0, .. real.Select(s => x0 + target[(i * h + s) * 2])],
                    [y0, .. real.Select(s => y0 + target[(i * h + s) * 2 + 1])],
                    color,
                    "dot",
                    $"{node.Group} true"
                )
            );
            int top = forecast.TopMode(i);
            traces.Add(
                Line(
                    [x0, .. Enumerable.Range(0, h).Select(s => x0 + forecast.At(i, top, s).X)],
                    [y0, .. Enumerable.Range(0, h).Select(s => y0 + forecast.At(i, top, s).Y)],
                    color,
                    "dash",
                    $"{node.Group} {name}"
                )
            );
        }
        var sc = batch.Scenes[scene];
        return Chart
            .Combine(traces)
            .WithAxisTitles("x (yd, attacking →)", "y (yd)")
            .WithTitle(
                $"Play {sc.GameId}/{sc.PlayId} ({sc.Type}) cut at frame {sc.CutFrame}: observed (solid), "
                    + $"true (dotted), {name} (dashed)"
            )
            .WithLayoutProperty("showlegend", false)
            .WithHeight(480);
    }

    /// <summary>A mixture's K modes for one player as a fan: each mode's path, its width the mode's weight.</summary>
    public static GenericChart MixtureFan(TrajectoryBatch batch, TrajectoryForecast forecast, int node)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(forecast);
        double x0 = batch.Positions.Data[node * 2],
            y0 = batch.Positions.Data[node * 2 + 1];
        int h = forecast.Horizon;
        var traces = Enumerable
            .Range(0, forecast.Modes)
            .Select(k =>
                Chart
                    .Line<double, double, string>(
                        [x0, .. Enumerable.Range(0, h).Select(s => x0 + forecast.At(node, k, s).X)],
                        [y0, .. Enumerable.Range(0, h).Select(s => y0 + forecast.At(node, k, s).Y)],
                        Name: $"mode {k}: weight {forecast.Weight(node, k):F2}"
                    )
                    .WithTraceProperty(
                        "line",
                        new Dictionary<string, object> { ["width"] = 1 + 8 * forecast.Weight(node, k) }
                    )
            )
            .ToList();
        var mask = batch.TargetMask.Data.ToArray();
        var real = Enumerable.Range(0, h).Where(s => mask[node * h + s] != 0f).ToList();
        traces.Add(
            Line(
                [x0, .. real.Select(s => x0 + batch.Targets.Data[(node * h + s) * 2])],
                [y0, .. real.Select(s => y0 + batch.Targets.Data[(node * h + s) * 2 + 1])],
                "black",
                "dot",
                "true"
            )
        );
        var n = batch.Nodes[node];
        return Chart
            .Combine(traces)
            .WithAxisTitles("x (yd)", "y (yd)")
            .WithTitle($"{forecast.Modes} modes of {n.Group} {n.NflId}'s next {h / 10.0:F0} s (dotted: true path)");
    }

    private static GenericChart Line(double[] x, double[] y, string color, string dash, string name) =>
        Chart
            .Line<double, double, string>(x, y, Name: name)
            .WithTraceProperty("line", new Dictionary<string, object> { ["color"] = color, ["dash"] = dash });
}
