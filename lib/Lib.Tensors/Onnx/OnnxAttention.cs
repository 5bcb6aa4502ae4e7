using Lib.Tensors.NN;

namespace Lib.Tensors.Onnx;

/// <summary>
/// The export rules of <see cref="MultiheadAttention"/> (self-attention), <see cref="TransformerEncoderLayer"/> and
/// <see cref="TransformerEncoder"/>, in inference mode. The key padding mask is a bool value [B, S] in the lab's
/// one polarity, <c>true</c> = a real token; it becomes an additive bias [B, 1, 1, S] (0 for a real key, −∞ for
/// padding) made once and shared by every layer, as the engine adds −∞ to padded keys before the softmax.
/// </summary>
/// <remarks>
/// Attention is written with plain operators (opset 17 has no attention operator): the packed projection
/// <c>MatMul</c> + <c>Add</c> to [B, T, 3E], <c>Reshape</c> to [B, T, 3, H, d] and <c>Transpose</c> to
/// [3, B, H, T, d], q, k, v by <c>Gather</c>, scores (q/√d)·kᵀ by <c>MatMul</c>, the mask bias, <c>Softmax</c> over
/// the keys, the weighted values, heads merged back to [B, T, E] and <c>out_proj</c>. Batch and sequence sizes stay
/// symbolic. A layout of [T, B, E] (not batch-first) is transposed to [B, T, E] on the way in and back on the way
/// out.
/// </remarks>
public static class OnnxAttention
{
    /// <summary>
    /// Adds <c>mha(x, x, x)</c> on <paramref name="input"/> ([B, T, E] when batch-first, else [T, B, E]) with an
    /// optional bool key padding mask <paramref name="keyPaddingMask"/> [B, T] (<c>true</c> = real token); returns
    /// the output, shaped like the input.
    /// </summary>
    public static string SelfAttention(
        OnnxGraph graph,
        MultiheadAttention mha,
        string input,
        string? keyPaddingMask = null,
        string scope = ""
    )
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(mha);
        return InBatchFirstLayout(graph, mha.BatchFirst, input, keyPaddingMask, scope, (x, bias) =>
            Attend(graph, mha, x, bias, scope)
        );
    }

    /// <summary>
    /// Adds one encoder block on <paramref name="input"/> ([B, T, E] when batch-first, else [T, B, E]) with an
    /// optional bool key padding mask [B, T] (<c>true</c> = real token), pre-norm or post-norm and ReLU or GELU as
    /// the layer was built.
    /// </summary>
    public static string EncoderLayer(
        OnnxGraph graph,
        TransformerEncoderLayer layer,
        string input,
        string? keyPaddingMask = null,
        string scope = ""
    )
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(layer);
        return InBatchFirstLayout(graph, layer.BatchFirst, input, keyPaddingMask, scope, (x, bias) =>
            Block(graph, layer, x, bias, scope)
        );
    }

    /// <summary>
    /// Adds every layer of <paramref name="encoder"/>, then its final norm, on <paramref name="input"/> ([B, T, E]
    /// when batch-first, else [T, B, E]) with an optional bool key padding mask [B, T] (<c>true</c> = real token).
    /// </summary>
    public static string Encoder(
        OnnxGraph graph,
        TransformerEncoder encoder,
        string input,
        string? keyPaddingMask = null,
        string scope = ""
    )
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(encoder);
        return InBatchFirstLayout(graph, encoder.Layers[0].BatchFirst, input, keyPaddingMask, scope, (x, bias) =>
        {
            for (int i = 0; i < encoder.NumLayers; i++)
                x = Block(graph, encoder.Layers[i], x, bias, OnnxModules.Key(scope, $"layers.{i}"));
            return encoder.Norm is { } norm ? OnnxModules.LayerNorm(graph, norm, x, OnnxModules.Key(scope, "norm")) : x;
        });
    }

    /// <summary>
    /// The additive attention bias of a bool key padding mask [B, S] (<c>true</c> = real token): 0 where true, −∞
    /// where false, shaped [B, 1, 1, S] to broadcast over heads and queries.
    /// </summary>
    public static string KeyPaddingBias(OnnxGraph graph, string keyPaddingMask, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        var bias = graph.Add(
            "Where",
            [keyPaddingMask, graph.Scalar(0f), graph.Scalar(float.NegativeInfinity)],
            OnnxModules.Hint(scope, "padding_bias")
        );
        var axes = graph.AddInt64Initializer(OnnxModules.Key(scope, "bias_axes"), [1, 2], 2);
        return graph.Add("Unsqueeze", [bias, axes], OnnxModules.Hint(scope, "padding_bias_4d"));
    }

    /// <summary>Post-norm: x = norm1(x + SA(x)); x = norm2(x + FF(x)). Pre-norm: x = x + SA(norm1(x)); x = x +
    /// FF(norm2(x)). On [B, T, E].</summary>
    private static string Block(OnnxGraph graph, TransformerEncoderLayer layer, string x, string? bias, string scope)
    {
        string Norm(LayerNorm norm, string value, string name) =>
            OnnxModules.LayerNorm(graph, norm, value, OnnxModules.Key(scope, name));
        string Residual(string a, string b, string name) => graph.Add("Add", [a, b], OnnxModules.Hint(scope, name));
        string SelfAttention(string value) =>
            Attend(graph, layer.SelfAttn, value, bias, OnnxModules.Key(scope, "self_attn"));
        if (layer.NormFirst)
        {
            x = Residual(x, SelfAttention(Norm(layer.Norm1, x, "norm1")), "attention_residual");
            return Residual(
                x,
                FeedForward(graph, layer, Norm(layer.Norm2, x, "norm2"), scope),
                "feed_forward_residual"
            );
        }
        x = Norm(layer.Norm1, Residual(x, SelfAttention(x), "attention_residual"), "norm1");
        return Norm(layer.Norm2, Residual(x, FeedForward(graph, layer, x, scope), "feed_forward_residual"), "norm2");
    }

    /// <summary>linear2(activation(linear1(x))).</summary>
    private static string FeedForward(OnnxGraph graph, TransformerEncoderLayer layer, string x, string scope)
    {
        var hidden = OnnxModules.Linear(graph, layer.Linear1, x, OnnxModules.Key(scope, "linear1"));
        hidden = layer.Activation switch
        {
            "relu" => graph.Add("Relu", [hidden], OnnxModules.Hint(scope, "relu")),
            "gelu" => OnnxModules.Gelu(graph, hidden, "none", scope),
            _ => throw new NotSupportedException(
                $"ONNX export has no rule for the encoder activation '{layer.Activation}' (at '{scope}')."
            ),
        };
        return OnnxModules.Linear(graph, layer.Linear2, hidden, OnnxModules.Key(scope, "linear2"));
    }

    /// <summary>Self-attention on x [B, T, E] with an optional additive bias [B, 1, 1, T] → [B, T, E].</summary>
    private static string Attend(OnnxGraph graph, MultiheadAttention mha, string x, string? bias, string scope)
    {
        int e = mha.EmbedDim,
            h = mha.NumHeads,
            d = mha.HeadDim;
        var weightT = graph.AddInitializer(
            OnnxModules.Key(scope, "in_proj_weight_t"),
            OnnxModules.Transpose(mha.InProjWeight.Data, 3 * e, e),
            [e, 3 * e]
        );
        var qkv = graph.Add("MatMul", [x, weightT], OnnxModules.Hint(scope, "qkv")); // [B, T, 3E]
        if (mha.InProjBias is { } inBias)
            qkv = graph.Add(
                "Add",
                [qkv, graph.AddInitializer(OnnxModules.Key(scope, "in_proj_bias"), inBias)],
                OnnxModules.Hint(scope, "qkv_biased")
            );
        var split = graph.AddInt64Initializer(OnnxModules.Key(scope, "qkv_heads_shape"), [0, 0, 3, h, d], 5);
        qkv = graph.Add("Reshape", [qkv, split], OnnxModules.Hint(scope, "qkv_heads")); // [B, T, 3, H, d]
        qkv = graph.Add(
            "Transpose",
            [qkv],
            OnnxModules.Hint(scope, "qkv_by_head"),
            OnnxAttributes.Ints("perm", 2, 0, 3, 1, 4)
        ); // [3, B, H, T, d]
        string Part(int which, string name) =>
            graph.Add(
                "Gather",
                [qkv, graph.AddInt64Initializer(OnnxModules.Key(scope, name + "_index"), [which])],
                OnnxModules.Hint(scope, name),
                OnnxAttributes.Int("axis", 0)
            ); // [B, H, T, d]
        var q = graph.Add("Mul", [Part(0, "q"), graph.Scalar(1 / MathF.Sqrt(d))], OnnxModules.Hint(scope, "q_scaled"));
        var kT = graph.Add(
            "Transpose",
            [Part(1, "k")],
            OnnxModules.Hint(scope, "k_t"),
            OnnxAttributes.Ints("perm", 0, 1, 3, 2)
        ); // [B, H, d, S]
        var scores = graph.Add("MatMul", [q, kT], OnnxModules.Hint(scope, "scores")); // [B, H, T, S]
        if (bias is not null)
            scores = graph.Add("Add", [scores, bias], OnnxModules.Hint(scope, "scores_masked"));
        var weights = graph.Add(
            "Softmax",
            [scores],
            OnnxModules.Hint(scope, "attention_weights"),
            OnnxAttributes.Int("axis", -1)
        );
        var heads = graph.Add("MatMul", [weights, Part(2, "v")], OnnxModules.Hint(scope, "heads")); // [B, H, T, d]
        heads = graph.Add(
            "Transpose",
            [heads],
            OnnxModules.Hint(scope, "heads_by_token"),
            OnnxAttributes.Ints("perm", 0, 2, 1, 3)
        ); // [B, T, H, d]
        var merge = graph.AddInt64Initializer(OnnxModules.Key(scope, "merge_shape"), [0, 0, e], 3);
        heads = graph.Add("Reshape", [heads, merge], OnnxModules.Hint(scope, "heads_merged")); // [B, T, E]
        return OnnxModules.Linear(graph, mha.OutProj, heads, OnnxModules.Key(scope, "out_proj"));
    }

    /// <summary>
    /// Runs <paramref name="body"/> on the input in [B, T, E] layout with the mask's bias (null without a mask),
    /// transposing a [T, B, E] input in and the result back out.
    /// </summary>
    private static string InBatchFirstLayout(
        OnnxGraph graph,
        bool batchFirst,
        string input,
        string? keyPaddingMask,
        string scope,
        Func<string, string?, string> body
    )
    {
        var bias = keyPaddingMask is null ? null : KeyPaddingBias(graph, keyPaddingMask, scope);
        var x = batchFirst ? input : SwapBatchAndTime(graph, input, scope, "batch_major");
        var output = body(x, bias);
        return batchFirst ? output : SwapBatchAndTime(graph, output, scope, "time_major");
    }

    /// <summary>[T, B, E] ↔ [B, T, E].</summary>
    private static string SwapBatchAndTime(OnnxGraph graph, string value, string scope, string name) =>
        graph.Add("Transpose", [value], OnnxModules.Hint(scope, name), OnnxAttributes.Ints("perm", 1, 0, 2));
}
