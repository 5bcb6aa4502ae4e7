using Lib.Track.Dataset;
using Lib.Workflow;

namespace Lib.Track.Evaluate;

/// <summary>
/// A simple forecast the model must beat, computed from exactly the window the model reads; as an
/// <see cref="IPredictor{TInput}"/> it is scored like the model. A subclass gives its name and the forecast of one window.
/// </summary>
public abstract class WindowBaseline : IPredictor<Window>
{
    /// <inheritdoc />
    public abstract string Name { get; }

    /// <summary>The forecast of <paramref name="window"/>, in the event's unit.</summary>
    public abstract double Predict(Window window);

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<Window> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return [.. inputs.Select(Predict)];
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
