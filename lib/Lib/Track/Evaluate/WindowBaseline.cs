using Lib.Track.Dataset;
using Lib.Workflow;

namespace Lib.Track.Evaluate;

/// <summary>
/// A simple forecast the model must beat, computed from exactly the window the model reads; as an
/// <see cref="IPredictor{TInput}"/> it is scored like the model. The four of the workflow are <see cref="Baselines"/>.
/// </summary>
/// <param name="name">The name in tables and charts.</param>
/// <param name="forecast">The forecast of one window, in the event's unit.</param>
public sealed class WindowBaseline(string name, Func<Window, double> forecast) : IPredictor<Window>
{
    private readonly Func<Window, double> _forecast = forecast ?? throw new ArgumentNullException(nameof(forecast));

    /// <inheritdoc />
    public string Name { get; } =
        !string.IsNullOrWhiteSpace(name) ? name : throw new ArgumentException("A baseline needs a name.", nameof(name));

    /// <summary>The forecast of <paramref name="window"/>, in the event's unit.</summary>
    public double Predict(Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return _forecast(window);
    }

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<Window> inputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return [.. inputs.Select(Predict)];
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
