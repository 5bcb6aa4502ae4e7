using System.Text.Json;
using System.Text.Json.Serialization;
using Lib.Tensors.IO;
using Lib.Tensors.NN;

namespace Lib.Tensors.Training;

/// <summary>
/// A checkpoint written by <see cref="Trainer{TBatch}"/>: one safetensors file (written atomically)
/// holding the model's state dict under <c>model.</c> + its PyTorch keys, the optimizer's state
/// under <c>optimizer.</c>, and the training state as JSON in the metadata entry
/// <see cref="StateKey"/>: epoch, step, metrics, history, learning rates, scheduler steps,
/// early-stopping and best-metric state, and the loaders' shuffle seeds (the data-order RNG state).
/// </summary>
public sealed class TrainingCheckpoint
{
    /// <summary>The metadata key of the training state JSON.</summary>
    public const string StateKey = "lab.trainer";

    internal const int FormatVersion = 1;
    private const string ModelPrefix = "model.",
        OptimizerPrefix = "optimizer.";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The last finished epoch, from 0.</summary>
    public int Epoch => State.Epoch;

    /// <summary>Optimizer steps taken.</summary>
    public long Step => State.Step;

    /// <summary>The epoch's metrics: <c>train_loss</c> and the validation metrics.</summary>
    public IReadOnlyDictionary<string, double> Metrics => State.Metrics;

    /// <summary>Every epoch up to <see cref="Epoch"/>.</summary>
    public TrainingHistory History =>
        new(State.History) { BestEpoch = State.BestEpoch, StoppedEarly = State.StopRequested };

    /// <summary>The model's parameters and buffers by PyTorch key.</summary>
    public IReadOnlyDictionary<string, Tensor> ModelState { get; }

    /// <summary>The optimizer's state (moments, step counts).</summary>
    public IReadOnlyDictionary<string, Tensor> OptimizerState { get; }

    /// <summary>The metadata entries other than <see cref="StateKey"/> (those of
    /// <see cref="CheckpointOptions.Metadata"/>).</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    internal CheckpointState State { get; }

    internal TrainingCheckpoint(
        CheckpointState state,
        IReadOnlyDictionary<string, Tensor> model,
        IReadOnlyDictionary<string, Tensor> optimizer,
        IReadOnlyDictionary<string, string> metadata
    )
    {
        State = state;
        ModelState = model;
        OptimizerState = optimizer;
        Metadata = metadata;
    }

    /// <summary>Reads a checkpoint.</summary>
    /// <exception cref="SafeTensorsFormatException">The file is corrupt or not a training checkpoint.</exception>
    public static TrainingCheckpoint Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException($"No checkpoint at '{path}'.", path);
        var (tensors, metadata) = Checkpoint.LoadTensors(path);
        if (!metadata.TryGetValue(StateKey, out var json))
            throw new SafeTensorsFormatException(
                path,
                $"it is not a training checkpoint (no '{StateKey}' metadata entry)."
            );
        CheckpointState state;
        try
        {
            state = JsonSerializer.Deserialize<CheckpointState>(json, Json) ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new SafeTensorsFormatException(
                path,
                $"the '{StateKey}' metadata is not valid training state JSON ({e.Message})."
            );
        }
        if (state.FormatVersion != FormatVersion)
            throw new SafeTensorsFormatException(
                path,
                $"training state format {state.FormatVersion} is not supported (expected {FormatVersion})."
            );
        var model = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        var optimizer = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in tensors)
        {
            if (name.StartsWith(ModelPrefix, StringComparison.Ordinal))
                model[name[ModelPrefix.Length..]] = tensor;
            else if (name.StartsWith(OptimizerPrefix, StringComparison.Ordinal))
                optimizer[name[OptimizerPrefix.Length..]] = tensor;
            else
                throw new SafeTensorsFormatException(
                    path,
                    $"tensor '{name}' is neither '{ModelPrefix}*' nor '{OptimizerPrefix}*'."
                );
        }
        var extra = metadata
            .Where(kv => kv.Key != StateKey)
            .ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
        return new TrainingCheckpoint(state, model, optimizer, extra);
    }

    /// <summary>Loads only the model weights of the checkpoint at <paramref name="path"/> into <paramref name="model"/>
    /// (for evaluation and prediction).</summary>
    public static TrainingCheckpoint LoadModel(string path, Module model, bool strict = true)
    {
        var checkpoint = Load(path);
        model.LoadStateDict(checkpoint.ModelState, strict);
        return checkpoint;
    }

    internal static void Save(
        string path,
        IReadOnlyDictionary<string, Tensor> model,
        IReadOnlyDictionary<string, Tensor> optimizer,
        CheckpointState state,
        IReadOnlyDictionary<string, string>? extra
    )
    {
        var tensors = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (key, t) in model)
            tensors[ModelPrefix + key] = t;
        foreach (var (key, t) in optimizer)
            tensors[OptimizerPrefix + key] = t;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal) { ["format"] = "pt" };
        if (extra is not null)
            foreach (var (k, v) in extra)
            {
                if (k == StateKey)
                    throw new ArgumentException(
                        $"Checkpoint metadata key '{StateKey}' is reserved for the training state."
                    );
                metadata[k] = v;
            }
        metadata[StateKey] = JsonSerializer.Serialize(state, Json);
        Checkpoint.Save(path, tensors, metadata); // atomic: temporary file, then rename
    }
}

/// <summary>The training state stored as JSON in a checkpoint.</summary>
internal sealed record CheckpointState
{
    public int FormatVersion { get; init; } = TrainingCheckpoint.FormatVersion;
    public int Epoch { get; init; }
    public long Step { get; init; }
    public long SchedulerSteps { get; init; }
    public double ElapsedSeconds { get; init; }
    public Dictionary<string, double> Metrics { get; init; } = [];
    public List<double?> LearningRates { get; init; } = [];
    public long? TrainShuffleSeed { get; init; }
    public long? ValidationShuffleSeed { get; init; }
    public string? BestMonitor { get; init; }
    public double? BestValue { get; init; }
    public int? BestEpoch { get; init; }
    public string? EarlyStoppingMonitor { get; init; }
    public double? EarlyStoppingBest { get; init; }
    public int EarlyStoppingWait { get; init; }
    public bool StopRequested { get; init; }
    public List<EpochRecord> History { get; init; } = [];
    public string? TopKMonitor { get; init; }
    public List<RankedCheckpoint> TopK { get; init; } = [];
}
