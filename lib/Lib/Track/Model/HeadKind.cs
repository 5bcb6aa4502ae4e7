namespace Lib.Track.Model;

/// <summary>The per-event heads' shape (every event has its own weights; the input is shared).</summary>
public enum HeadKind
{
    /// <summary>Linear(D, 32) → ReLU → Linear(32, 1), per event.</summary>
    Mlp32,

    /// <summary>A shared LayerNorm(D), then Linear(D, 1) per event.</summary>
    LayerNormLinear,

    /// <summary>Linear(D, 1) per event.</summary>
    Linear,
}
