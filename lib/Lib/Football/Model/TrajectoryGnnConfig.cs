namespace Lib.Football.Model;

/// <summary>
/// The arguments of <see cref="TrajectoryGnn"/> (saved in the model folder, so it can be rebuilt). Defaults: hidden
/// width 64, 2 message-passing layers, 10 observed frames, 20 forecast steps (2 s at 10 Hz), a deterministic
/// trajectory head (<see cref="Modes"/> 0; 6 for the mixture decoder), a coverage head of width 32.
/// </summary>
public sealed record TrajectoryGnnConfig
{
    /// <summary>Features per node and frame (the dataset's encoding).</summary>
    public required int NodeFeatures { get; init; }

    /// <summary>The node state width (the GRU's hidden size and every MLP's).</summary>
    public int Hidden { get; init; } = 64;

    /// <summary>Message-passing layers over the last observed frame's graph.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Observed frames per sample (the temporal encoder's steps).</summary>
    public int Observed { get; init; } = 10;

    /// <summary>Forecast steps per player (one per frame, 0.1 s apart).</summary>
    public int Horizon { get; init; } = 20;

    /// <summary>Mixture modes: 0 for one deterministic trajectory per player, K &gt; 1 for K Gaussian modes.</summary>
    public int Modes { get; init; }

    /// <summary>The coverage head's hidden width.</summary>
    public int CoverageHidden { get; init; } = 32;

    /// <summary>Edge features (dx, dy, distance between two players) are divided by this many yards.</summary>
    public float EdgeScale { get; init; } = 10f;

    /// <summary>Whether the model has a mixture decoder.</summary>
    public bool Probabilistic => Modes > 0;

    /// <summary>Trajectories the model gives per player: <see cref="Modes"/>, or 1.</summary>
    public int OutputModes => Math.Max(1, Modes);
}
