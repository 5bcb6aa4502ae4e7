using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lib.Torch.NN;

/// <summary>
/// The TorchSharp twin of <see cref="Lib.Tensors.NN.CrossNetwork"/> (DCN-V2): <c>numLayers</c>
/// <see cref="CrossLayerTwin"/>s applied in turn to the same x_0, x_{l+1} = x_0 ⊙ (W_l x_l + b_l) + x_l. Keys
/// <c>layers.N.weight</c>, <c>layers.N.bias</c> (<c>layers.N.weight_v</c>, <c>layers.N.weight_u</c> with a rank).
/// </summary>
public sealed class CrossNetworkTwin : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<CrossLayerTwin> layers; // the field name is the key (RegisterComponents)

    /// <summary>Layers of width <paramref name="inFeatures"/> (weights zero until copied from the engine).</summary>
    public CrossNetworkTwin(int inFeatures, int numLayers, int? rank = null, bool bias = true)
        : base(nameof(CrossNetworkTwin))
    {
        if (numLayers <= 0)
            throw new ArgumentOutOfRangeException(nameof(numLayers), $"numLayers must be positive, got {numLayers}.");
        layers = nn.ModuleList([
            .. Enumerable.Range(0, numLayers).Select(_ => new CrossLayerTwin(inFeatures, rank, bias)),
        ]);
        RegisterComponents();
    }

    /// <summary>x_0 [*, D] → x_L [*, D].</summary>
    public override Tensor forward(Tensor input)
    {
        var xl = input;
        foreach (var layer in layers)
            xl = layer.forward(input, xl);
        return xl;
    }
}
