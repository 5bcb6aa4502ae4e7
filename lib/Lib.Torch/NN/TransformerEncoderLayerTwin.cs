using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn.functional;

namespace Lib.Torch.NN;

/// <summary>
/// The TorchSharp twin of the engine's batch-first <see cref="Lib.Tensors.NN.TransformerEncoderLayer"/>, with
/// PyTorch's keys (<c>self_attn.*</c>, <c>linear1.*</c>, <c>linear2.*</c>, <c>norm1.*</c>, <c>norm2.*</c>): pre-norm
/// (<c>x + SA(LN1(x))</c>, then <c>x + FF(LN2(x))</c>) or post-norm, ReLU or exact GELU, dropout as PyTorch places it.
/// </summary>
public sealed class TransformerEncoderLayerTwin : torch.nn.Module
{
    private readonly SelfAttentionTwin _selfAttn;
    private readonly Linear _linear1,
        _linear2;
    private readonly Dropout _dropout,
        _dropout1,
        _dropout2;
    private readonly LayerNorm _norm1,
        _norm2;
    private readonly string _activation;

    /// <summary>A layer as the engine's constructor takes it (batch first).</summary>
    public TransformerEncoderLayerTwin(
        int dModel,
        int nhead,
        int dimFeedforward,
        double dropout,
        string activation,
        bool normFirst,
        double layerNormEps = 1e-5
    )
        : base("TransformerEncoderLayer")
    {
        if (activation is not ("relu" or "gelu"))
            throw new ArgumentException($"activation should be relu/gelu, not {activation}.", nameof(activation));
        _activation = activation;
        NormFirst = normFirst;
        _selfAttn = new SelfAttentionTwin(dModel, nhead, dropout);
        _linear1 = torch.nn.Linear(dModel, dimFeedforward);
        _dropout = torch.nn.Dropout(dropout);
        _linear2 = torch.nn.Linear(dimFeedforward, dModel);
        _norm1 = torch.nn.LayerNorm([dModel], layerNormEps);
        _norm2 = torch.nn.LayerNorm([dModel], layerNormEps);
        _dropout1 = torch.nn.Dropout(dropout);
        _dropout2 = torch.nn.Dropout(dropout);
        register_module("self_attn", _selfAttn);
        register_module("linear1", _linear1);
        register_module("dropout", _dropout);
        register_module("linear2", _linear2);
        register_module("norm1", _norm1);
        register_module("norm2", _norm2);
        register_module("dropout1", _dropout1);
        register_module("dropout2", _dropout2);
    }

    /// <summary>Whether the layer norms come before each block.</summary>
    public bool NormFirst { get; }

    /// <summary>Registers nothing by field name (every component has its PyTorch key).</summary>
    protected override void RegisterComponents() { }

    /// <summary>src [B, T, E] with an optional key padding mask [B, T] (1 = real) → [B, T, E].</summary>
    public torch.Tensor forward(torch.Tensor src, torch.Tensor? keyPaddingMask)
    {
        var x = src;
        if (NormFirst)
        {
            x = x + _dropout1.call(_selfAttn.forward(_norm1.call(x), keyPaddingMask));
            return x + FeedForward(_norm2.call(x));
        }
        x = _norm1.call(x + _dropout1.call(_selfAttn.forward(x, keyPaddingMask)));
        return _norm2.call(x + FeedForward(x));
    }

    private torch.Tensor FeedForward(torch.Tensor x)
    {
        var h = _linear1.call(x);
        h = _activation == "gelu" ? gelu(h) : relu(h);
        return _dropout2.call(_linear2.call(_dropout.call(h)));
    }
}
