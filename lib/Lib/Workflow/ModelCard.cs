using Lib.Tensors.Training;

namespace Lib.Workflow;

/// <summary>
/// The JSON card of a model folder (<c>model.json</c> beside <c>model.safetensors</c>), the same shape in every sport:
/// the format tag, the model's arguments, everything prediction needs besides the weights (events and their scales, a
/// vocabulary, boards, a target's standardisation ...), the fingerprint of the data it was trained on, how it was
/// trained, its learning curve and its metrics. <see cref="ModelFolder"/> writes and reads it.
/// </summary>
/// <typeparam name="TConfig">The model's arguments (what rebuilds the network).</typeparam>
/// <typeparam name="TInputs">What turns raw inputs into the network's inputs and outputs back into
/// predictions.</typeparam>
public sealed record ModelCard<TConfig, TInputs>
{
    /// <summary>What the folder holds and in which layout (<c>lab.track.hierarchical-lstm/2</c>); the loader refuses
    /// another.</summary>
    public required string Format { get; init; }

    /// <summary>The model's arguments.</summary>
    public required TConfig Config { get; init; }

    /// <summary>Everything prediction needs besides the weights.</summary>
    public required TInputs Inputs { get; init; }

    /// <summary>The fingerprint of the cached data the model was trained on.</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>How it was trained.</summary>
    public required TrainingSummary Training { get; init; }

    /// <summary>The learning curve: every epoch's loss, validation metrics and learning rate.</summary>
    public IReadOnlyList<EpochRecord> History { get; init; } = [];

    /// <summary>Metrics measured after training (on the validation or test split), by name.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
