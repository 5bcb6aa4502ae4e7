using Lib.Football.Dataset;
using Lib.Football.Model;

namespace Lib.Football.Model;

/// <summary>
/// One player's errors in one scene, in yards: the average and final displacement error of the point forecast (the
/// most probable mode) at 1 s (10 steps) and 2 s (20 steps), and the least over the modes (minADE, minFDE at 2 s; the
/// point forecast's own without a mixture), and a mixture's negative log-likelihood of the true 2 s path per step
/// (<see cref="TrajectoryForecast.NllPerStep"/>; NaN without a mixture). NaN where the player's true path does not
/// reach that horizon.
/// </summary>
public sealed record NodeErrors(
    int Scene,
    string Group,
    string Side,
    string PlayType,
    double Ade1,
    double Fde1,
    double Ade2,
    double Fde2,
    double MinAde2,
    double MinFde2,
    double Nll2 = double.NaN
)
{
    /// <summary>Steps at 1 s and 2 s (10 Hz).</summary>
    public const int OneSecond = 10,
        TwoSeconds = 20;

    /// <summary>
    /// The errors of every player of <paramref name="batch"/> under <paramref name="forecast"/>. A horizon shorter
    /// than 20 steps takes its own last step for "2 s" (and min(10, horizon) for "1 s").
    /// </summary>
    public static List<NodeErrors> Of(TrajectoryBatch batch, TrajectoryForecast forecast)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(forecast);
        int horizon = batch.Horizon;
        if (forecast.Nodes != batch.Graph.Nodes || forecast.Horizon != horizon)
            throw new ArgumentException(
                $"The forecast has {forecast.Nodes} nodes × {forecast.Horizon} steps; the batch {batch.Graph.Nodes} × "
                    + $"{horizon}."
            );
        int one = Math.Min(OneSecond, horizon),
            two = Math.Min(TwoSeconds, horizon);
        var target = batch.Targets.Data;
        var mask = batch.TargetMask.Data;
        var rows = new List<NodeErrors>();
        for (int i = 0; i < forecast.Nodes; i++)
        {
            var node = batch.Nodes[i];
            if (node.IsBall || mask[i * horizon] == 0f)
                continue;
            int real = 0;
            while (real < horizon && mask[i * horizon + real] != 0f)
                real++;
            double[] ade = new double[forecast.Modes],
                fde = new double[forecast.Modes],
                ade1 = new double[forecast.Modes],
                fde1 = new double[forecast.Modes];
            for (int k = 0; k < forecast.Modes; k++)
            {
                double sum = 0;
                for (int s = 0; s < Math.Min(two, real); s++)
                {
                    var (x, y) = forecast.At(i, k, s);
                    double dx = x - target[(i * horizon + s) * 2],
                        dy = y - target[(i * horizon + s) * 2 + 1];
                    double d = Math.Sqrt(dx * dx + dy * dy);
                    sum += d;
                    if (s == one - 1)
                        (ade1[k], fde1[k]) = (sum / one, d);
                    if (s == two - 1)
                        (ade[k], fde[k]) = (sum / two, d);
                }
            }
            int top = forecast.TopMode(i);
            bool reachesOne = real >= one,
                reachesTwo = real >= two;
            var scene = batch.Scenes[node.Scene];
            rows.Add(
                new NodeErrors(
                    node.Scene,
                    node.Group,
                    node.Side,
                    scene.Type,
                    reachesOne ? ade1[top] : double.NaN,
                    reachesOne ? fde1[top] : double.NaN,
                    reachesTwo ? ade[top] : double.NaN,
                    reachesTwo ? fde[top] : double.NaN,
                    reachesTwo ? ade.Min() : double.NaN,
                    reachesTwo ? fde.Min() : double.NaN,
                    reachesTwo ? forecast.NllPerStep(i, target.Slice(i * horizon * 2, horizon * 2), two) : double.NaN
                )
            );
        }
        return rows;
    }
}
