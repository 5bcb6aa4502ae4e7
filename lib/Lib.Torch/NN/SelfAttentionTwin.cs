using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn.functional;

namespace Lib.Torch.NN;

/// <summary>
/// The TorchSharp twin of the engine's batch-first <see cref="Lib.Tensors.NN.MultiheadAttention"/> used as
/// self-attention: PyTorch's keys (<c>in_proj_weight</c> = [W_q; W_k; W_v], <c>in_proj_bias</c>,
/// <c>out_proj.*</c>), scores <c>(q / √d) · kᵀ</c> with padded keys at −∞, dropout on the attention weights while
/// training. Written from tensor operations, so it runs the same on LibTorch's CPU and on CUDA.
/// </summary>
public sealed class SelfAttentionTwin : torch.nn.Module
{
    private readonly Parameter _inProjWeight,
        _inProjBias;
    private readonly Linear _outProj;

    /// <summary>Self-attention of width <paramref name="embedDim"/> with <paramref name="numHeads"/> heads.</summary>
    public SelfAttentionTwin(int embedDim, int numHeads, double dropout)
        : base("MultiheadAttention")
    {
        if (embedDim % numHeads != 0)
            throw new ArgumentException($"embedDim {embedDim} is not divisible by numHeads {numHeads}.");
        EmbedDim = embedDim;
        NumHeads = numHeads;
        Dropout = dropout;
        _inProjWeight = new Parameter(torch.zeros(3 * embedDim, embedDim));
        _inProjBias = new Parameter(torch.zeros(3 * embedDim));
        _outProj = torch.nn.Linear(embedDim, embedDim);
        register_parameter("in_proj_weight", _inProjWeight);
        register_parameter("in_proj_bias", _inProjBias);
        register_module("out_proj", _outProj);
    }

    /// <summary>The model width E.</summary>
    public int EmbedDim { get; }

    /// <summary>H, the heads.</summary>
    public int NumHeads { get; }

    /// <summary>Dropout on the attention weights while training.</summary>
    public double Dropout { get; }

    /// <summary>Registers nothing by field name (every component has its PyTorch key).</summary>
    protected override void RegisterComponents() { }

    /// <summary>x [B, T, E] attending to itself; <paramref name="keyPaddingMask"/> [B, T] float in the engine's
    /// polarity (1 = a real token, 0 = padding) or null → [B, T, E].</summary>
    public torch.Tensor forward(torch.Tensor x, torch.Tensor? keyPaddingMask)
    {
        long b = x.shape[0],
            t = x.shape[1],
            d = EmbedDim / NumHeads;
        var qkv = linear(x, _inProjWeight, _inProjBias); // [B, T, 3E]
        var parts = qkv.chunk(3, -1);
        torch.Tensor Heads(torch.Tensor p) => p.reshape(b, t, NumHeads, d).transpose(1, 2); // [B, H, T, d]
        var q = Heads(parts[0]) * (1.0 / Math.Sqrt(d));
        var k = Heads(parts[1]);
        var v = Heads(parts[2]);
        var scores = q.matmul(k.transpose(-2, -1)); // [B, H, T, T]
        if (keyPaddingMask is not null)
        {
            var padded = keyPaddingMask.eq(0).reshape(b, 1, 1, t);
            scores = scores.masked_fill(padded, float.NegativeInfinity);
        }
        var weights = softmax(scores, -1);
        if (training && Dropout > 0)
            weights = dropout(weights, Dropout, training: true);
        var heads = weights.matmul(v).transpose(1, 2).reshape(b, t, EmbedDim); // [B, T, E]
        return _outProj.call(heads);
    }
}
