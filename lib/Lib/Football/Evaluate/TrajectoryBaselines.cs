using Lib.Football.Dataset;
using Lib.Football.Model;
using Lib.Tensors;

namespace Lib.Football.Evaluate;

/// <summary>
/// The baselines a trajectory model must beat, as <see cref="ITrajectoryPredictor"/>s: constant velocity from the last
/// displacement (x_T − x_{T−1} per step), constant velocity from the tracked speed and direction (0.1·s·(sin dir,
/// cos dir) per step), and standing still.
/// </summary>
public sealed class TrajectoryBaselines : ITrajectoryPredictor
{
    private readonly Func<TrajectoryBatch, Tensor?> _velocity;

    private TrajectoryBaselines(string name, Func<TrajectoryBatch, Tensor?> velocity)
    {
        Name = name;
        _velocity = velocity;
    }

    /// <summary>Constant velocity: the last observed displacement, repeated.</summary>
    public static TrajectoryBaselines ConstantVelocity { get; } = new("constant velocity", b => b.Velocity);

    /// <summary>Constant velocity from the last frame's speed and direction.</summary>
    public static TrajectoryBaselines SpeedAndDirection { get; } = new("speed and direction", b => b.HeadingVelocity);

    /// <summary>Every player stays where last seen.</summary>
    public static TrajectoryBaselines StandingStill { get; } = new("standing still", _ => null);

    /// <summary>The three, in that order.</summary>
    public static IReadOnlyList<TrajectoryBaselines> All { get; } =
    [ConstantVelocity, SpeedAndDirection, StandingStill];

    /// <inheritdoc/>
    public string Name { get; }

    /// <inheritdoc/>
    public TrajectoryForecast Forecast(TrajectoryBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int n = batch.Graph.Nodes,
            horizon = batch.Horizon;
        var means = new float[n * horizon * 2];
        if (_velocity(batch) is { } velocity)
        {
            var v = velocity.Data;
            for (int i = 0; i < n; i++)
            for (int s = 0; s < horizon; s++)
            {
                means[(i * horizon + s) * 2] = v[i * 2] * (s + 1);
                means[(i * horizon + s) * 2 + 1] = v[i * 2 + 1] * (s + 1);
            }
        }
        return new TrajectoryForecast(n, 1, horizon, means, null, null);
    }
}
