namespace Lib.Climbing.Model;

/// <summary>
/// The arguments of <see cref="GradeTransformer"/> (saved in the model folder, so it can be rebuilt).
/// Defaults: d_model 128, 4 heads, 4 layers, feed-forward 256, GELU, dropout 0.1, up to 64 tokens.
/// </summary>
public sealed record GradeTransformerConfig
{
    /// <summary>The vocabulary size (rows of the token embedding).</summary>
    public required int VocabSize { get; init; }

    /// <summary>Features per token (<see cref="Dataset.RouteTokenizer.FeatureCount"/>).</summary>
    public required int FeatureCount { get; init; }

    /// <summary>The longest sequence the position embedding covers.</summary>
    public int MaxLength { get; init; } = 64;

    /// <summary>The model width.</summary>
    public int DModel { get; init; } = 128;

    /// <summary>Attention heads per layer.</summary>
    public int NHead { get; init; } = 4;

    /// <summary>Encoder layers.</summary>
    public int NumLayers { get; init; } = 4;

    /// <summary>The feed-forward hidden width.</summary>
    public int DimFeedforward { get; init; } = 256;

    /// <summary>Dropout in the encoder and on the embeddings.</summary>
    public float Dropout { get; init; } = 0.1f;

    /// <summary>The feed-forward activation (<c>gelu</c> or <c>relu</c>).</summary>
    public string Activation { get; init; } = "gelu";
}
