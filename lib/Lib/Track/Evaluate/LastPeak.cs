using Lib.Track.Dataset;

namespace Lib.Track.Evaluate;

/// <summary>The peak of the most recent input season, whatever its label.</summary>
public sealed class LastPeak : WindowBaseline
{
    /// <inheritdoc />
    public override string Name => "last peak (any label)";

    /// <inheritdoc />
    public override double Predict(Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Last.Peak;
    }
}
