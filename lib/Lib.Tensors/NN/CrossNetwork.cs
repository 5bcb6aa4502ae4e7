namespace Lib.Tensors.NN;

/// <summary>
/// The cross network of DCN-V2: <c>numLayers</c> <see cref="CrossLayer"/>s applied in turn to the same x_0,
/// <c>x_{l+1} = x_0 ⊙ (W_l x_l + b_l) + x_l</c> from x_0 = the input [*, D] to x_L [*, D]. Keys
/// <c>layers.0.weight</c>, <c>layers.0.bias</c>, ... (<c>layers.l.weight_v</c> and <c>layers.l.weight_u</c> with a
/// <c>rank</c>). In a Deep &amp; Cross model it sits beside (parallel) or before (stacked) an MLP.
/// </summary>
public sealed class CrossNetwork : Module<Tensor, Tensor>
{
    /// <summary>Creates <paramref name="numLayers"/> layers of width <paramref name="inFeatures"/>, drawing their
    /// weights from <paramref name="generator"/> in order.</summary>
    /// <param name="inFeatures">D, the width of the input and of every layer.</param>
    /// <param name="numLayers">The number of cross layers (at least 1).</param>
    /// <param name="generator">The source of the initial weights.</param>
    /// <param name="rank">null for full-rank layers; else the rank r (1..D) of every layer's W = U Vᵀ.</param>
    /// <param name="bias">Whether the layers learn their additive biases.</param>
    public CrossNetwork(int inFeatures, int numLayers, Generator generator, int? rank = null, bool bias = true)
    {
        if (numLayers <= 0)
            throw new ArgumentOutOfRangeException(nameof(numLayers), $"numLayers must be positive, got {numLayers}.");
        ArgumentNullException.ThrowIfNull(generator);
        var layers = new List<CrossLayer>(numLayers);
        for (int i = 0; i < numLayers; i++)
            layers.Add(new CrossLayer(inFeatures, generator, rank, bias));
        Layers = RegisterModule("layers", new ModuleList<CrossLayer>(layers));
    }

    /// <summary>The layers, applied in order.</summary>
    public ModuleList<CrossLayer> Layers { get; }

    /// <summary>D, the width of the input and the output.</summary>
    public int InFeatures => Layers[0].InFeatures;

    /// <summary>The number of layers.</summary>
    public int NumLayers => Layers.Count;

    /// <summary>The rank of every layer's W, or null for full rank.</summary>
    public int? Rank => Layers[0].Rank;

    /// <summary>x_0 [*, D] → x_L [*, D].</summary>
    public override Tensor Forward(Tensor input)
    {
        var xl = input;
        foreach (var layer in Layers)
            xl = layer.Forward(input, xl); // [*, D]
        return xl;
    }
}
