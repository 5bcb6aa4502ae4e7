using Lib.Track.Dataset;

namespace Lib.Track.Evaluate;

/// <summary>The peak of the most recent input season with the target's label: "this outdoor season will be as good as the last outdoor one".</summary>
public sealed class LastSameLabelPeak : WindowBaseline
{
    /// <inheritdoc />
    public override string Name => "last same-label peak";

    /// <inheritdoc />
    public override double Predict(Window window)
    {
        ArgumentNullException.ThrowIfNull(window);
        return window.LastSameLabel.Peak;
    }
}
