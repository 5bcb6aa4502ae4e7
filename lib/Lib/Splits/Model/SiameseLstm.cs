using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Splits.Model;

/// <summary>
/// The split timer's siamese LSTM (the original's <c>PositionClassifier</c>): both clips go through the same per-frame
/// compression (Linear, ReLU, Dropout per size) and the same (bidirectional) LSTM, whose last hidden states (both
/// directions, concatenated) are the clip's vector; with the MLP interaction the two vectors are concatenated and go
/// through the post-LSTM layers (Linear, ReLU, Dropout) and a linear output, with the dot interaction a linear of
/// their dot product. One output per pair: the classifier's logit (same place) or the regressor's offset.
/// State-dict keys are PyTorch's for the original module: <c>compression.0.*</c>, <c>lstm.weight_ih_l0(_reverse)</c>
/// …, <c>post_lstm.0.*</c>, <c>fc.*</c>.
/// </summary>
public sealed class SiameseLstm : Module
{
    /// <summary>Builds the network with PyTorch's default initialisation drawn from <paramref name="generator"/>
    /// (which also draws dropout masks).</summary>
    public SiameseLstm(SiameseLstmConfig config, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(generator);
        config.Validate();
        Config = config;
        Compression = RegisterModule(
            "compression",
            Layers(config.InputSize, config.CompressSizes, config.Dropout, generator)
        );
        int lstmInput = config.CompressSizes.Count > 0 ? config.CompressSizes[^1] : config.InputSize;
        Lstm = RegisterModule(
            "lstm",
            new LSTM(lstmInput, config.HiddenSize, generator, batchFirst: true, bidirectional: config.Bidirectional)
        );
        if (config.InteractionType == "mlp")
        {
            int concat = 2 * config.EmbeddingSize;
            PostLstm = RegisterModule("post_lstm", Layers(concat, config.PostLstmSizes, config.Dropout, generator));
            Fc = RegisterModule(
                "fc",
                new Linear(config.PostLstmSizes.Count > 0 ? config.PostLstmSizes[^1] : concat, 1, generator)
            );
        }
        else
        {
            PostLstm = new Sequential();
            Fc = RegisterModule("fc", new Linear(1, 1, generator));
        }
    }

    /// <summary>The arguments.</summary>
    public SiameseLstmConfig Config { get; }

    /// <summary>Per-frame compression (empty: the identity).</summary>
    public Sequential Compression { get; }

    /// <summary>The clip encoder.</summary>
    public LSTM Lstm { get; }

    /// <summary>The MLP over the concatenated vectors (empty with the dot interaction).</summary>
    public Sequential PostLstm { get; }

    /// <summary>The output layer.</summary>
    public Linear Fc { get; }

    static Sequential Layers(int input, IReadOnlyList<int> sizes, float dropout, Generator generator)
    {
        var layers = new Sequential();
        foreach (int size in sizes)
        {
            layers.Append(new Linear(input, size, generator));
            layers.Append(new ReLU());
            if (dropout > 0)
                layers.Append(new Dropout(generator, dropout));
            input = size;
        }
        return layers;
    }

    /// <summary>Per-frame compression: <c>[*, InputSize]</c> → <c>[*, C]</c>.</summary>
    public Tensor Compress(Tensor frames) => Compression.Count == 0 ? frames : Compression.Forward(frames);

    /// <summary>The vector of each compressed clip: <c>[B, F, C]</c> → <c>[B, E]</c> (E = H or 2H).</summary>
    public Tensor EncodeCompressed(Tensor clips)
    {
        var (_, h, _) = Lstm.Forward(clips); // h: [dirs, B, H]
        return Config.Bidirectional ? Tensor.Cat([h.Select(0, 0), h.Select(0, 1)], dim: 1) : h.Select(0, 0);
    }

    /// <summary>The vector of each clip: <c>[B, F, InputSize]</c> → <c>[B, E]</c>.</summary>
    public Tensor Encode(Tensor clips) => EncodeCompressed(Compress(clips));

    /// <summary>The output for pairs of clip vectors: <c>[B, E]</c>, <c>[B, E]</c> → <c>[B]</c>.</summary>
    public Tensor Head(Tensor first, Tensor second)
    {
        int b = first.Size(0);
        if (Config.InteractionType == "dot")
            return Fc.Forward((first * second).Sum(1, keepDim: true)).Reshape(b); // [B]
        var combined = Tensor.Cat([first, second], dim: 1); // [B, 2E]
        var hidden = PostLstm.Count == 0 ? combined : PostLstm.Forward(combined);
        return Fc.Forward(hidden).Reshape(b); // [B]
    }

    /// <summary>The output for each pair of clips: <c>[B, F, InputSize]</c> twice → <c>[B]</c> (a logit or an
    /// offset).</summary>
    public Tensor Forward(Tensor first, Tensor second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.Dim != 3 || first.Size(2) != Config.InputSize || !first.Shape.SequenceEqual(second.Shape))
            throw new ArgumentException(
                $"Both clips must be [B, F, {Config.InputSize}]; got [{string.Join(", ", first.Shape)}] and "
                    + $"[{string.Join(", ", second.Shape)}]."
            );
        // Both clips' compressions first (in this order, as Encode(first) then Encode(second) draws their dropout
        // masks), then one LSTM over the 2B clips: each clip's result is the same, in half the recurrent products.
        int b = first.Size(0);
        var vectors = EncodeCompressed(Tensor.Cat([Compress(first), Compress(second)], dim: 0)); // [2B, E]
        return Head(vectors.Narrow(0, 0, b), vectors.Narrow(0, b, b));
    }
}
