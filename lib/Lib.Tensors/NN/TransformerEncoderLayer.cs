namespace Lib.Tensors.NN;

/// <summary>
/// One Transformer encoder block (PyTorch's <c>nn.TransformerEncoderLayer</c>): self-attention then a
/// feed-forward network <c>linear2(dropout(activation(linear1(x))))</c>, each with a residual
/// connection and layer norm. Post-norm (the default): x = norm1(x + SA(x)); x = norm2(x + FF(x)).
/// Pre-norm (<c>normFirst</c>): x = x + SA(norm1(x)); x = x + FF(norm2(x)). Children, in PyTorch's order
/// (so state-dict keys match): self_attn, linear1, dropout, linear2, norm1, norm2, dropout1, dropout2.
/// </summary>
public sealed class TransformerEncoderLayer : Module<Tensor, Tensor>
{
    private readonly Func<Tensor, Tensor> _activation;

    /// <summary>Creates the block; <paramref name="generator"/> draws the initial weights (in PyTorch's order) and
    /// every dropout mask.</summary>
    /// <param name="dModel">The model width.</param>
    /// <param name="nhead">The number of attention heads; must divide <paramref name="dModel"/>.</param>
    /// <param name="generator">The source of initial weights and dropout masks.</param>
    /// <param name="dimFeedforward">The hidden width of the feed-forward network.</param>
    /// <param name="dropout">The dropout probability (attention weights, feed-forward hidden, both residual
    /// branches).</param>
    /// <param name="activation">"relu" or "gelu" (exact).</param>
    /// <param name="layerNormEps">The layer norms' eps.</param>
    /// <param name="batchFirst">Input and output are [B, T, d_model] (true) or [T, B, d_model] (false, PyTorch's
    /// default).</param>
    /// <param name="normFirst">Pre-norm (true) or post-norm (false).</param>
    public TransformerEncoderLayer(
        int dModel,
        int nhead,
        Generator generator,
        int dimFeedforward = 2048,
        float dropout = 0.1f,
        string activation = "relu",
        float layerNormEps = 1e-5f,
        bool batchFirst = false,
        bool normFirst = false
    )
    {
        ArgumentNullException.ThrowIfNull(generator);
        if (dimFeedforward <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(dimFeedforward),
                $"dimFeedforward must be positive, got {dimFeedforward}."
            );
        _activation = activation switch
        {
            "relu" => Functional.Relu,
            "gelu" => x => Functional.Gelu(x),
            _ => throw new ArgumentException($"activation should be relu/gelu, not {activation}.", nameof(activation)),
        };
        Activation = activation;
        NormFirst = normFirst;
        SelfAttn = RegisterModule(
            "self_attn",
            new MultiheadAttention(dModel, nhead, generator, dropout, batchFirst: batchFirst)
        );
        Linear1 = RegisterModule("linear1", new Linear(dModel, dimFeedforward, generator));
        DropoutLayer = RegisterModule("dropout", new Dropout(generator, dropout));
        Linear2 = RegisterModule("linear2", new Linear(dimFeedforward, dModel, generator));
        Norm1 = RegisterModule("norm1", new LayerNorm(dModel, layerNormEps));
        Norm2 = RegisterModule("norm2", new LayerNorm(dModel, layerNormEps));
        Dropout1 = RegisterModule("dropout1", new Dropout(generator, dropout));
        Dropout2 = RegisterModule("dropout2", new Dropout(generator, dropout));
    }

    /// <summary>The self-attention.</summary>
    public MultiheadAttention SelfAttn { get; }

    /// <summary>d_model → dim_feedforward.</summary>
    public Linear Linear1 { get; }

    /// <summary>The dropout inside the feed-forward network (PyTorch's <c>dropout</c>).</summary>
    public Dropout DropoutLayer { get; }

    /// <summary>dim_feedforward → d_model.</summary>
    public Linear Linear2 { get; }

    /// <summary>The norm around the attention block.</summary>
    public LayerNorm Norm1 { get; }

    /// <summary>The norm around the feed-forward block.</summary>
    public LayerNorm Norm2 { get; }

    /// <summary>The dropout on the attention branch.</summary>
    public Dropout Dropout1 { get; }

    /// <summary>The dropout on the feed-forward branch.</summary>
    public Dropout Dropout2 { get; }

    /// <summary>"relu" or "gelu".</summary>
    public string Activation { get; }

    /// <summary>Whether the norms come before each block (pre-norm).</summary>
    public bool NormFirst { get; }

    /// <summary>Whether input and output are [B, T, d_model].</summary>
    public bool BatchFirst => SelfAttn.BatchFirst;

    /// <summary>The model width.</summary>
    public int DModel => SelfAttn.EmbedDim;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>Runs the block over <paramref name="src"/> ([B, T, d_model] with <see cref="BatchFirst"/>, else [T, B,
    /// d_model]).</summary>
    /// <param name="src">The sequence batch.</param>
    /// <param name="srcKeyPaddingMask">[B, T] float 0/1 in the engine's polarity: <b>1 = a real token, 0 = padding</b>
    /// (PyTorch's <c>src_key_padding_mask</c> is the opposite). Padded positions are still computed, as in
    /// PyTorch.</param>
    /// <param name="srcMask">An additive float attention mask [T, T] (PyTorch's float <c>src_mask</c>), e.g.
    /// causal.</param>
    public Tensor Forward(Tensor src, Tensor? srcKeyPaddingMask = null, Tensor? srcMask = null)
    {
        ArgumentNullException.ThrowIfNull(src);
        var x = src;
        if (NormFirst)
        {
            x = x + SelfAttentionBlock(Norm1.Forward(x), srcKeyPaddingMask, srcMask);
            x = x + FeedForwardBlock(Norm2.Forward(x));
        }
        else
        {
            x = Norm1.Forward(x + SelfAttentionBlock(x, srcKeyPaddingMask, srcMask));
            x = Norm2.Forward(x + FeedForwardBlock(x));
        }
        return x;
    }

    private Tensor SelfAttentionBlock(Tensor x, Tensor? keyPaddingMask, Tensor? attnMask) =>
        Dropout1.Forward(SelfAttn.Forward(x, x, x, keyPaddingMask, needWeights: false, attnMask: attnMask).Output);

    private Tensor FeedForwardBlock(Tensor x) =>
        Dropout2.Forward(Linear2.Forward(DropoutLayer.Forward(_activation(Linear1.Forward(x)))));
}
