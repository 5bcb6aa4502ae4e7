namespace Lib.Tensors.NN;

/// <summary>
/// A stack of <see cref="TransformerEncoderLayer"/>s with an optional final norm (PyTorch's
/// <c>nn.TransformerEncoder</c>). Keys: <c>layers.0.self_attn.in_proj_weight</c> ... <c>norm.weight</c>.
/// PyTorch deep-copies one layer, so its layers start equal; here a factory builds each layer fresh,
/// so they start independently drawn (load a state dict to make them equal).
/// </summary>
public sealed class TransformerEncoder : Module<Tensor, Tensor>
{
    /// <summary>Builds <paramref name="numLayers"/> layers with <paramref name="layerFactory"/>(0), (1), ...</summary>
    /// <param name="layerFactory">Makes the layer at an index; each call must return a new layer, all with the same
    /// width and layout.</param>
    /// <param name="numLayers">The number of layers (at least 1).</param>
    /// <param name="norm">Applied to the last layer's output (often a <see cref="LayerNorm"/> after pre-norm layers);
    /// null for none.</param>
    public TransformerEncoder(Func<int, TransformerEncoderLayer> layerFactory, int numLayers, LayerNorm? norm = null)
    {
        ArgumentNullException.ThrowIfNull(layerFactory);
        if (numLayers <= 0)
            throw new ArgumentOutOfRangeException(nameof(numLayers), $"numLayers must be positive, got {numLayers}.");
        var layers = new List<TransformerEncoderLayer>();
        for (int i = 0; i < numLayers; i++)
        {
            var layer = layerFactory(i)
                ?? throw new ArgumentException($"layerFactory returned null for layer {i}.", nameof(layerFactory));
            if (layers.Any(l => ReferenceEquals(l, layer)))
                throw new ArgumentException(
                    "layerFactory returned the same layer instance for layers "
                        + $"{layers.FindIndex(l => ReferenceEquals(l, layer))} and {i}; each layer needs its own "
                        + "parameters.",
                    nameof(layerFactory)
                );
            if (layers.Count > 0 && (layer.DModel != layers[0].DModel || layer.BatchFirst != layers[0].BatchFirst))
                throw new ArgumentException(
                    $"Layer {i} has d_model {layer.DModel}, batch_first {layer.BatchFirst}; layer 0 has d_model "
                        + $"{layers[0].DModel}, batch_first {layers[0].BatchFirst}.",
                    nameof(layerFactory)
                );
            layers.Add(layer);
        }
        Layers = RegisterModule("layers", new ModuleList<TransformerEncoderLayer>(layers));
        if (norm is not null)
            Norm = RegisterModule("norm", norm);
    }

    /// <summary>The layers, applied in order.</summary>
    public ModuleList<TransformerEncoderLayer> Layers { get; }

    /// <summary>The final norm, or null.</summary>
    public LayerNorm? Norm { get; }

    /// <summary>The number of layers.</summary>
    public int NumLayers => Layers.Count;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Forward(input, null);

    /// <summary>Runs every layer, then the norm.</summary>
    /// <param name="src">[B, T, d_model] when the layers are batch-first, else [T, B, d_model].</param>
    /// <param name="srcKeyPaddingMask">[B, T] float 0/1 in the engine's polarity: <b>1 = a real token, 0 =
    /// padding</b>.</param>
    /// <param name="mask">An additive float attention mask [T, T] for every layer.</param>
    public Tensor Forward(Tensor src, Tensor? srcKeyPaddingMask = null, Tensor? mask = null)
    {
        ArgumentNullException.ThrowIfNull(src);
        var x = src;
        foreach (var layer in Layers)
            x = layer.Forward(x, srcKeyPaddingMask, mask);
        return Norm is null ? x : Norm.Forward(x);
    }
}
