using TorchSharp;
using TorchSharp.Modules;

namespace Lib.Torch.NN;

/// <summary>
/// The TorchSharp twin of the engine's <see cref="Lib.Tensors.NN.TransformerEncoder"/>: <c>layers.N.*</c> and an
/// optional final <c>norm.*</c>.
/// </summary>
public sealed class TransformerEncoderTwin : torch.nn.Module
{
    private readonly ModuleList<TransformerEncoderLayerTwin> _layers;
    private readonly LayerNorm? _norm;

    /// <summary>An encoder of <paramref name="layers"/> with an optional final <paramref name="norm"/>.</summary>
    public TransformerEncoderTwin(IEnumerable<TransformerEncoderLayerTwin> layers, LayerNorm? norm)
        : base("TransformerEncoder")
    {
        _layers = torch.nn.ModuleList([.. layers]);
        _norm = norm;
        register_module("layers", _layers);
        if (norm is not null)
            register_module("norm", norm);
    }

    /// <summary>Registers nothing by field name (every component has its PyTorch key).</summary>
    protected override void RegisterComponents() { }

    /// <summary>src [B, T, E] through every layer, then the norm.</summary>
    public torch.Tensor forward(torch.Tensor src, torch.Tensor? keyPaddingMask)
    {
        var x = src;
        foreach (var layer in _layers)
            x = layer.forward(x, keyPaddingMask);
        return _norm is null ? x : _norm.call(x);
    }
}
