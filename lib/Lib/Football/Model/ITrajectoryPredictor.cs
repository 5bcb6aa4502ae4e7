using Lib.Football.Dataset;

namespace Lib.Football.Model;

/// <summary>
/// Anything that forecasts every node's path in a <see cref="TrajectoryBatch"/>: the trained model and each baseline
/// alike, so evaluation scores them the same way (the trajectory counterpart of the kit's
/// <see cref="Workflow.IPredictor{TInput}"/>, which predicts one number per input).
/// </summary>
public interface ITrajectoryPredictor
{
    /// <summary>The name in tables and charts.</summary>
    string Name { get; }

    /// <summary>The forecast of every node of <paramref name="batch"/>, <see cref="TrajectoryBatch.Horizon"/> steps
    /// ahead.</summary>
    TrajectoryForecast Forecast(TrajectoryBatch batch);
}
