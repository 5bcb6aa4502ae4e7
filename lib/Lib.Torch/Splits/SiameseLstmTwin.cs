using Lib.Splits.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lib.Torch.Splits;

/// <summary>
/// The TorchSharp twin of <see cref="SiameseLstm"/>: both clips through the same per-frame compression (Linear, ReLU,
/// Dropout per size) and the same (bidirectional) <c>nn.LSTM</c>, whose last hidden states (both directions
/// concatenated) are the clip's vector; the MLP interaction concatenates the two vectors into the post-LSTM layers and
/// <c>fc</c>, the dot interaction feeds their dot product to <c>fc</c>. One output per pair [B]. Same keys:
/// <c>compression.N.*</c>, <c>lstm.weight_ih_l0(_reverse)</c> …, <c>post_lstm.N.*</c>, <c>fc.*</c>.
/// </summary>
public sealed class SiameseLstmTwin : nn.Module<Tensor, Tensor, Tensor>
{
    // Field names are the state-dict keys: RegisterComponents() registers fields by name (null ones not at all).
    private readonly Sequential compression;
    private readonly LSTM lstm;
    private readonly Sequential? post_lstm;
    private readonly Linear fc;

    /// <summary>Builds the twin of <paramref name="config"/> (weights: copy the engine's in with
    /// <see cref="TorchState"/>).</summary>
    public SiameseLstmTwin(SiameseLstmConfig config)
        : base(nameof(SiameseLstmTwin))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        compression = Layers(config.InputSize, config.CompressSizes, config.Dropout);
        int lstmInput = config.CompressSizes.Count > 0 ? config.CompressSizes[^1] : config.InputSize;
        lstm = nn.LSTM(lstmInput, config.HiddenSize, batchFirst: true, bidirectional: config.Bidirectional);
        if (config.InteractionType == "mlp")
        {
            int concat = 2 * config.EmbeddingSize;
            post_lstm = Layers(concat, config.PostLstmSizes, config.Dropout);
            fc = nn.Linear(config.PostLstmSizes.Count > 0 ? config.PostLstmSizes[^1] : concat, 1);
        }
        else
            fc = nn.Linear(1, 1);
        RegisterComponents();
    }

    /// <summary>The arguments.</summary>
    public SiameseLstmConfig Config { get; }

    private static Sequential Layers(int input, IReadOnlyList<int> sizes, float dropout)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        foreach (int size in sizes)
        {
            layers.Add(nn.Linear(input, size));
            layers.Add(nn.ReLU());
            if (dropout > 0)
                layers.Add(nn.Dropout(dropout));
            input = size;
        }
        return nn.Sequential([.. layers]);
    }

    /// <summary>The vector of each clip: [B, F, InputSize] → [B, E] (E = H or 2H).</summary>
    public Tensor Encode(Tensor clips) => EncodeCompressed(Compress(clips));

    /// <summary>Per-frame compression: [*, InputSize] → [*, C] (the input itself without compression layers).</summary>
    public Tensor Compress(Tensor frames) => Config.CompressSizes.Count == 0 ? frames : compression.forward(frames);

    /// <summary>The vector of each compressed clip: [B, F, C] → [B, E].</summary>
    public Tensor EncodeCompressed(Tensor clips)
    {
        var (_, h, _) = lstm.forward(clips); // h: [dirs, B, H]
        return Config.Bidirectional ? cat([h[0], h[1]], 1) : h[0];
    }

    /// <summary>The output for pairs of clip vectors: [B, E] twice → [B].</summary>
    public Tensor Head(Tensor first, Tensor second)
    {
        long b = first.shape[0];
        if (post_lstm is null)
            return fc.forward((first * second).sum(1, keepdim: true)).reshape(b);
        var combined = cat([first, second], 1);
        var hidden = Config.PostLstmSizes.Count == 0 ? combined : post_lstm.forward(combined);
        return fc.forward(hidden).reshape(b);
    }

    /// <summary>The output for each pair of clips: [B, F, InputSize] twice → [B] (a logit or an offset).</summary>
    public override Tensor forward(Tensor first, Tensor second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        if (first.dim() != 3 || first.shape[2] != Config.InputSize || !first.shape.SequenceEqual(second.shape))
            throw new ArgumentException(
                $"Both clips must be [B, F, {Config.InputSize}]; got [{string.Join(", ", first.shape)}] and "
                    + $"[{string.Join(", ", second.shape)}]."
            );
        return Head(Encode(first), Encode(second));
    }
}
