namespace Lib.Football.Model;

/// <summary>
/// What a football model needs besides its weights: the node feature names it reads (in order), the observed frames
/// and forecast steps of its samples, and the stride of the cuts it was trained and evaluated on.
/// </summary>
public sealed record FootballInputs
{
    /// <summary>The model's node features (<c>Dataset.TrajectoryFeatures.Names</c>).</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>Observed frames per sample.</summary>
    public int Observed { get; init; } = 10;

    /// <summary>Forecast steps per sample.</summary>
    public int Horizon { get; init; } = 20;

    /// <summary>Frames between consecutive cuts of a play.</summary>
    public int Stride { get; init; } = 5;
}
