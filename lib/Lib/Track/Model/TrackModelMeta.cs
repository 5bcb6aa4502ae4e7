using System.Text.Json;
using System.Text.Json.Serialization;
using Lib.Track.Dataset;

namespace Lib.Track.Model;

/// <summary>One epoch of training as recorded in <c>meta.json</c>: the training loss (L1 in z-space) and the validation metrics.</summary>
public sealed record EpochSummary(int Epoch, double TrainLoss, IReadOnlyDictionary<string, double> Validation);

/// <summary>How a model was trained: the optimiser's settings, the windows, the epochs, the time.</summary>
public sealed record TrainingSummary
{
    /// <summary>Windows the final weights were fitted on (test windows are never seen).</summary>
    public int TrainWindows { get; init; }

    /// <summary>Validation windows.</summary>
    public int ValidationWindows { get; init; }

    /// <summary>Whether the final weights were refitted on training and validation windows for <see cref="BestEpoch"/> + 1 epochs.</summary>
    public bool Refit { get; init; }

    /// <summary>The epoch limit.</summary>
    public int MaxEpochs { get; init; }

    /// <summary>Epochs run before early stopping ended training.</summary>
    public int Epochs { get; init; }

    /// <summary>The epoch whose weights were kept (best validation error), from 0.</summary>
    public int BestEpoch { get; init; }

    /// <summary>Wall time of training in seconds.</summary>
    public double Seconds { get; init; }

    /// <summary>Trainable parameters.</summary>
    public long Parameters { get; init; }

    /// <summary>AdamW's learning rate.</summary>
    public double LearningRate { get; init; }

    /// <summary>AdamW's weight decay (matrices only).</summary>
    public double WeightDecay { get; init; }

    /// <summary>Windows per batch.</summary>
    public int BatchSize { get; init; }

    /// <summary>Epochs without improvement before stopping.</summary>
    public int Patience { get; init; }

    /// <summary>The seed of initialisation, shuffling and dropout.</summary>
    public long Seed { get; init; }
}

/// <summary>
/// <c>meta.json</c>: everything that rebuilds and uses a trained model beside its weights (<c>model.safetensors</c>): the
/// gender, the model's shape, the events in head order, each event's standardisation (fitted on the training split), the
/// split, the data it was trained on, how it was trained and its learning curve.
/// </summary>
public sealed record TrackModelMeta
{
    /// <summary>The version of this layout.</summary>
    public int FormatVersion { get; init; } = 1;

    /// <summary><c>M</c> or <c>F</c>.</summary>
    public required string Gender { get; init; }

    /// <summary>The model's shape.</summary>
    public required TrackModelConfig Config { get; init; }

    /// <summary>Event codes in head order.</summary>
    public required IReadOnlyList<string> Events { get; init; }

    /// <summary>Each event's standardisation, by code.</summary>
    public required IReadOnlyDictionary<string, EventScale> Scales { get; init; }

    /// <summary>The validation seasons (<c>2025 Outdoor</c> ...).</summary>
    public required IReadOnlyList<string> ValidationSeasons { get; init; }

    /// <summary>The held-out test seasons.</summary>
    public required IReadOnlyList<string> TestSeasons { get; init; }

    /// <summary>The cache fingerprint of the data (see <see cref="Cache.TrackData.Fingerprint"/>).</summary>
    public required string DataFingerprint { get; init; }

    /// <summary>The sources' adapters and files.</summary>
    public required IReadOnlyList<string> Sources { get; init; }

    /// <summary>How it was trained.</summary>
    public required TrainingSummary Training { get; init; }

    /// <summary>The learning curve.</summary>
    public IReadOnlyList<EpochSummary> History { get; init; } = [];

    /// <summary>The split as a plan.</summary>
    public SplitPlan Split() => new([.. ValidationSeasons.Select(Lib.Track.Events.SeasonId.Parse)], [.. TestSeasons.Select(Lib.Track.Events.SeasonId.Parse)]);

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
