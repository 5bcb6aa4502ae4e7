using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lib.Torch.NN;

/// <summary>
/// The TorchSharp twin of <see cref="Lib.Tensors.NN.CrossLayer"/>: (x_0, x_l) → x_0 ⊙ (W x_l + b) + x_l, W full rank
/// (<c>weight</c> [D, D]) or U Vᵀ (<c>weight_v</c> [r, D], <c>weight_u</c> [D, r]); <c>bias</c> [D] optional.
/// </summary>
public sealed class CrossLayerTwin : nn.Module<Tensor, Tensor, Tensor>
{
    // Field names are the state-dict keys: RegisterComponents() registers fields by name (null ones not at all).
    private readonly Parameter? weight,
        weight_v,
        weight_u,
        bias;

    /// <summary>A layer of width <paramref name="inFeatures"/> with zero weights (copy the engine's in).</summary>
    public CrossLayerTwin(int inFeatures, int? rank = null, bool hasBias = true)
        : base(nameof(CrossLayerTwin))
    {
        if (rank is { } low)
        {
            weight_v = new Parameter(zeros(low, inFeatures));
            weight_u = new Parameter(zeros(inFeatures, low));
        }
        else
            weight = new Parameter(zeros(inFeatures, inFeatures));
        if (hasBias)
            bias = new Parameter(zeros(inFeatures));
        RegisterComponents();
    }

    /// <summary>x_0, x_l [*, D] → x_{l+1} [*, D].</summary>
    public override Tensor forward(Tensor x0, Tensor xl)
    {
        var mixed = weight is not null
            ? nn.functional.linear(xl, weight, bias)
            : nn.functional.linear(nn.functional.linear(xl, weight_v!), weight_u!, bias);
        return x0 * mixed + xl;
    }
}
