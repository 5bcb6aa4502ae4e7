namespace Lib.Splits.Model;

/// <summary>
/// The arguments of a <see cref="SiameseLstm"/>, named as the original's <c>PositionClassifier</c>. Defaults are the
/// original's <c>run_pipeline.sh</c>: compression 128, hidden 128, bidirectional, post-LSTM 64, MLP interaction,
/// dropout 0.5.
/// </summary>
public sealed record SiameseLstmConfig
{
    /// <summary>Features per frame.</summary>
    public required int InputSize { get; init; }

    /// <summary>Hidden sizes of the per-frame compression layers (Linear, ReLU, Dropout each); empty: none.</summary>
    public IReadOnlyList<int> CompressSizes { get; init; } = [128];

    /// <summary>The LSTM's hidden size.</summary>
    public int HiddenSize { get; init; } = 128;

    /// <summary>A bidirectional LSTM (the clip's vector is both directions' last states).</summary>
    public bool Bidirectional { get; init; } = true;

    /// <summary>Hidden sizes of the MLP over the two clips' concatenated vectors (MLP interaction only).</summary>
    public IReadOnlyList<int> PostLstmSizes { get; init; } = [64];

    /// <summary><c>mlp</c> (concatenate, MLP, linear) or <c>dot</c> (a linear of the vectors' dot
    /// product).</summary>
    public string InteractionType { get; init; } = "mlp";

    /// <summary>Dropout after every compression and post-LSTM layer.</summary>
    public float Dropout { get; init; } = 0.5f;

    /// <summary>The length of a clip's vector: H, or 2H when bidirectional.</summary>
    public int EmbeddingSize => Bidirectional ? 2 * HiddenSize : HiddenSize;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A size not positive, dropout outside [0, 1), or an unknown
    /// interaction.</exception>
    public void Validate()
    {
        if (InputSize < 1 || HiddenSize < 1 || CompressSizes.Any(s => s < 1) || PostLstmSizes.Any(s => s < 1))
            throw new ArgumentException("Every size of a siamese LSTM must be ≥ 1.");
        if (!(Dropout >= 0 && Dropout < 1))
            throw new ArgumentException($"dropout must be in [0, 1); got {Dropout}.");
        if (InteractionType is not ("mlp" or "dot"))
            throw new ArgumentException($"interaction must be 'mlp' or 'dot'; got '{InteractionType}'.");
    }
}
