namespace Lib.Workflow;

/// <summary>
/// Anything that predicts one number per input, in every sport: a trained model and each baseline it must beat, so
/// evaluation scores them all the same way (<see cref="RegressionMetrics"/>) and tables list them side by side.
/// </summary>
/// <typeparam name="TInput">What a prediction is made from (a window of seasons, a route ...).</typeparam>
public interface IPredictor<in TInput>
{
    /// <summary>The name in tables and charts (<c>model</c>, <c>mean baseline</c> ...).</summary>
    string Name { get; }

    /// <summary>One prediction per input, in the target's own unit.</summary>
    double[] Predict(IReadOnlyList<TInput> inputs);
}
