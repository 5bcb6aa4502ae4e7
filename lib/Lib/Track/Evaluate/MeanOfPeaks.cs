using Lib.Track.Dataset;

namespace Lib.Track.Evaluate;

/// <summary>The mean of the input seasons' peaks (any label).</summary>
public sealed class MeanOfPeaks : WindowBaseline
{
    /// <inheritdoc />
    public override string Name => "mean of past peaks";

    /// <inheritdoc />
    public override double Predict(Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.Inputs.Average(s => s.Peak);
    }
}
