namespace Lib.Tensors.NN;

/// <summary>
/// Multi-head attention (PyTorch's <c>nn.MultiheadAttention</c>, without <c>kdim</c>/<c>vdim</c>,
/// <c>add_bias_kv</c> or <c>add_zero_attn</c>): q, k, v are projected by <c>in_proj_weight</c>
/// [3E, E] = [W_q; W_k; W_v] and <c>in_proj_bias</c> [3E], split into <c>num_heads</c> heads of
/// E / num_heads, attended as <see cref="Functional.ScaledDotProductAttention"/> does (scores
/// (q/√d)·kᵀ, padded keys at −∞, dropout on the weights while training), and recombined by
/// <c>out_proj</c>. State-dict keys: <c>in_proj_weight</c>, <c>in_proj_bias</c>, <c>out_proj.weight</c>,
/// <c>out_proj.bias</c>.
/// </summary>
public sealed class MultiheadAttention : Module
{
    private readonly Generator _generator;

    /// <summary>
    /// Creates the layer with PyTorch's initialisation: <c>out_proj</c> as a default <see cref="Linear"/>
    /// (drawn first, as in PyTorch), then xavier_uniform on <c>in_proj_weight</c>; both biases start at zero.
    /// </summary>
    /// <param name="embedDim">The model width E.</param>
    /// <param name="numHeads">The number of heads; must divide <paramref name="embedDim"/>.</param>
    /// <param name="generator">Draws the initial weights and the dropout masks.</param>
    /// <param name="dropout">The dropout probability on the attention weights while training.</param>
    /// <param name="bias">Whether the input and output projections have biases.</param>
    /// <param name="batchFirst">Inputs and output are [B, T, E] (true) or [T, B, E] (false, PyTorch's default).</param>
    public MultiheadAttention(
        int embedDim,
        int numHeads,
        Generator generator,
        float dropout = 0f,
        bool bias = true,
        bool batchFirst = false
    )
    {
        if (embedDim <= 0)
            throw new ArgumentOutOfRangeException(nameof(embedDim), $"embedDim must be positive, got {embedDim}.");
        if (numHeads <= 0)
            throw new ArgumentOutOfRangeException(nameof(numHeads), $"numHeads must be positive, got {numHeads}.");
        if (embedDim % numHeads != 0)
            throw new ArgumentException(
                $"embed_dim must be divisible by num_heads: embedDim {embedDim} is not a multiple of numHeads "
                    + $"{numHeads}.",
                nameof(numHeads)
            );
        ArgumentNullException.ThrowIfNull(generator);
        if (!(dropout >= 0f && dropout <= 1f))
            throw new ArgumentOutOfRangeException(
                nameof(dropout),
                $"Dropout probability has to be between 0 and 1, but got {dropout}."
            );
        _generator = generator;
        EmbedDim = embedDim;
        NumHeads = numHeads;
        HeadDim = embedDim / numHeads;
        Dropout = dropout;
        BatchFirst = batchFirst;
        InProjWeight = RegisterParameter("in_proj_weight", Tensor.Zeros(3 * embedDim, embedDim));
        InProjBias = RegisterOptionalParameter("in_proj_bias", bias ? Tensor.Zeros(3 * embedDim) : null);
        OutProj = RegisterModule("out_proj", new Linear(embedDim, embedDim, generator, bias));
        ResetParameters(generator);
    }

    /// <summary>The model width E.</summary>
    public int EmbedDim { get; }

    /// <summary>The number of heads.</summary>
    public int NumHeads { get; }

    /// <summary>E / num_heads.</summary>
    public int HeadDim { get; }

    /// <summary>The dropout probability on the attention weights while training.</summary>
    public float Dropout { get; }

    /// <summary>Whether inputs and output are [B, T, E].</summary>
    public bool BatchFirst { get; }

    /// <summary>[3E, E]: the rows of W_q, then W_k, then W_v.</summary>
    public Tensor InProjWeight { get; }

    /// <summary>[3E], or null when created with <c>bias: false</c>.</summary>
    public Tensor? InProjBias { get; }

    /// <summary>The output projection, E → E.</summary>
    public Linear OutProj { get; }

    /// <summary>PyTorch's <c>_reset_parameters</c>: xavier_uniform on <c>in_proj_weight</c>, zero biases
    /// (<c>out_proj.weight</c> keeps its <see cref="Linear"/> initialisation).</summary>
    public void ResetParameters(Generator generator)
    {
        Init.XavierUniform(InProjWeight, generator);
        if (InProjBias is not null)
            Init.Zeros(InProjBias);
        if (OutProj.Bias is not null)
            Init.Zeros(OutProj.Bias);
    }

    /// <summary>
    /// Attends <paramref name="query"/> to <paramref name="key"/>/<paramref name="value"/>. Shapes (with
    /// <see cref="BatchFirst"/>): query [B, T, E], key and value [B, S, E]; otherwise [T, B, E] and [S, B, E].
    /// Passing the same tensor as query, key and value (self-attention) projects it with one packed GEMM.
    /// </summary>
    /// <param name="query">The queries.</param>
    /// <param name="key">The keys.</param>
    /// <param name="value">The values.</param>
    /// <param name="keyPaddingMask">[B, S] float 0/1 in the engine's polarity: <b>1 = a real token, 0 = padding</b>
    /// (PyTorch's <c>key_padding_mask</c> is the opposite: True = ignore). Padded keys get −∞ before the
    /// softmax.</param>
    /// <param name="needWeights">Whether to return the attention weights.</param>
    /// <param name="averageAttnWeights">Return the weights averaged over heads [B, T, S] (true) or per head [B, H, T,
    /// S].</param>
    /// <param name="attnMask">An additive float mask [T, S] (−∞ forbids a pair), e.g. a causal mask.</param>
    /// <returns>The output, shaped like <paramref name="query"/>, and the weights (after dropout, as PyTorch returns
    /// them) when <paramref name="needWeights"/>. Padded query positions are computed like any other, as in
    /// PyTorch.</returns>
    public (Tensor Output, Tensor? Weights) Forward(
        Tensor query,
        Tensor key,
        Tensor value,
        Tensor? keyPaddingMask = null,
        bool needWeights = true,
        bool averageAttnWeights = true,
        Tensor? attnMask = null
    )
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(value);
        bool self = ReferenceEquals(query, key) && ReferenceEquals(key, value);
        string layout = BatchFirst ? "[B, T, E]" : "[T, B, E]";
        if (query.Dim != 3 || query.Shape[2] != EmbedDim)
            throw new ArgumentException(
                $"MultiheadAttention: query must be {layout} with E = {EmbedDim}, got {Tensor.ShapeText(query.Shape)}.",
                nameof(query)
            );
        if (
            key.Dim != 3
            || value.Dim != 3
            || key.Shape[2] != EmbedDim
            || value.Shape[2] != EmbedDim
            || key.Shape[0] != value.Shape[0]
            || key.Shape[1] != value.Shape[1]
        )
            throw new ArgumentException(
                $"MultiheadAttention: key and value must both be {layout.Replace('T', 'S')} with E = "
                    + $"{EmbedDim}, got {Tensor.ShapeText(key.Shape)} and {Tensor.ShapeText(value.Shape)}.",
                nameof(key)
            );
        int batchDim = BatchFirst ? 0 : 1;
        if (key.Shape[batchDim] != query.Shape[batchDim])
            throw new ArgumentException(
                $"MultiheadAttention: key {Tensor.ShapeText(key.Shape)} has batch size {key.Shape[batchDim]} "
                    + $"but query {Tensor.ShapeText(query.Shape)} has {query.Shape[batchDim]}.",
                nameof(key)
            );

        var q = BatchFirst ? query : query.Transpose(0, 1); // [B, T, E]
        Tensor qp,
            kp,
            vp;
        if (self)
            qp = kp = vp = Tensor.Linear(q, InProjWeight, InProjBias); // [B, T, 3E]: q, k, v side by side
        else
        {
            qp = Project(q, 0);
            kp = Project(BatchFirst ? key : key.Transpose(0, 1), 1);
            vp = Project(BatchFirst ? value : value.Transpose(0, 1), 2);
        }
        // Heads are read from and written to the projections' own [B, L, E] layout: no split or merge copies.
        var (heads, weights) = Functional.AttendHeads(
            qp,
            kp,
            vp,
            NumHeads,
            keyPaddingMask,
            attnMask,
            Training ? Dropout : 0f,
            _generator,
            needWeights
        );
        var output = OutProj.Forward(heads); // [B, T, E]
        if (!BatchFirst)
            output = output.Transpose(0, 1);
        if (weights is not null && averageAttnWeights)
            weights = weights.Mean(1); // [B, T, S]
        return (output, weights);
    }

    /// <summary>x · W_iᵀ + b_i for the i-th third (q, k or v) of the packed projection.</summary>
    private Tensor Project(Tensor x, int which) =>
        Tensor.Linear(
            x,
            InProjWeight.Narrow(0, which * EmbedDim, EmbedDim),
            InProjBias?.Narrow(0, which * EmbedDim, EmbedDim)
        );
}
