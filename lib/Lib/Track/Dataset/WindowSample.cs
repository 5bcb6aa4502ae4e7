using Lib.Track.Domain;

namespace Lib.Track.Dataset;

/// <summary>
/// One window encoded for the model: per input season its marks as features (<see cref="WindowEncoder.Features"/> per
/// mark, at most <see cref="WindowEncoder.MarksPerSeason"/>, the latest ones) and its label id, the target label, the
/// event
/// index, the summary features, the residual base and the target (both in z-space; the target is NaN when unknown).
/// </summary>
public sealed record WindowSample(
    IReadOnlyList<float[]> Seasons,
    IReadOnlyList<int> Labels,
    int TargetLabel,
    int Event,
    float[] Summary,
    float Base,
    float Target
)
{
    /// <summary>σ of the event over the actual peak, × 100: an error in z-space times this is the error in percent of
    /// the mark (NaN when the target is unknown).</summary>
    public float Weight { get; init; } = float.NaN;

    /// <summary>The window's hand-made features for the boosted trees (<see cref="WindowFeatures"/>).</summary>
    public float[] Features { get; init; } = [];

    /// <summary>The peak of the most recent input season, in the event's unit (what the trees' gain is from).
    /// </summary>
    public double LastPeak { get; init; } = double.NaN;

    /// <summary>The window this sample encodes (null for a forecast from pasted marks).</summary>
    public Window? Window { get; init; }

    /// <summary>The label id of a season label: indoor 0, outdoor 1, cross country 2.</summary>
    public static int LabelId(Season label) => (int)label;
}
