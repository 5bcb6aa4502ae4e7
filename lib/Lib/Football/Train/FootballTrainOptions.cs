using Lib.Football.Ingest;
using Lib.Football.Model;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Lib.Football.Train;

/// <summary>
/// How the football model is trained: the model's shape, the losses' weights, the optimiser and the loop (early
/// stopping, checkpoints, accumulation, clipping). Read from a YAML config (<see cref="Load"/>: snake_case keys, as
/// <c>configs/football/production.yaml</c>), then overridden by command-line flags (<c>with</c> expressions).
/// </summary>
public sealed record FootballTrainOptions
{
    /// <summary>The tracked run's experiment.</summary>
    public string ExperimentName { get; init; } = "football";

    /// <summary>
    /// The weeks whose plays are read (all when empty), exactly as <c>--weeks</c> of every <c>lab football</c> verb
    /// (<see cref="TrackingSelection"/>): the training, validation and test games all come from these weeks (split by
    /// game within them), and a play whose week is unknown (the BDB sample) is read only when no weeks are named.
    /// <c>--weeks</c> on <c>lab football train</c> overrides it (<see cref="Selection"/>).
    /// </summary>
    public List<int> Weeks { get; init; } = [];

    /// <summary>Samples per batch.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>The most epochs.</summary>
    public int MaxEpochs { get; init; } = 30;

    /// <summary>AdamW's learning rate.</summary>
    public double LearningRate { get; init; } = 2e-3;

    /// <summary>AdamW's weight decay (matrices only).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Epochs without a better validation score before stopping.</summary>
    public int Patience { get; init; } = 6;

    /// <summary>Batches whose gradients are summed before a step.</summary>
    public int AccumulateGradBatches { get; init; } = 1;

    /// <summary>The gradient norm is clipped to this.</summary>
    public double ClipNorm { get; init; } = 1.0;

    /// <summary>The node state width.</summary>
    public int Hidden { get; init; } = 64;

    /// <summary>Message-passing layers.</summary>
    public int Layers { get; init; } = 2;

    /// <summary>Mixture modes with <see cref="Probabilistic"/>.</summary>
    public int Modes { get; init; } = 6;

    /// <summary>Train the mixture decoder (NLL) instead of one trajectory.</summary>
    public bool Probabilistic { get; init; }

    /// <summary>The displacement loss: Huber with this δ (yards) instead of the L2 distance, when set.</summary>
    public double? HuberDelta { get; init; }

    /// <summary>The weight of the velocity-consistency loss.</summary>
    public double VelocityWeight { get; init; } = 0.5;

    /// <summary>The weight of the acceleration-consistency loss.</summary>
    public double AccelerationWeight { get; init; } = 0.5;

    /// <summary>The weight of the coverage BCE.</summary>
    public double CoverageWeight { get; init; } = 0.2;

    /// <summary>Checkpoints kept besides best and last (the k best epochs).</summary>
    public int SaveTopK { get; init; } = 2;

    /// <summary>Training samples used at most (spread over the split; all when null).</summary>
    public int? MaxTrainSamples { get; init; }

    /// <summary>Plays cut at most (a quick run; all when null).</summary>
    public int? MaxPlays { get; init; }

    /// <summary>The seed of weights and batch order.</summary>
    public int Seed { get; init; } = 16;

    /// <summary>The numeric precision (<c>32</c> only).</summary>
    public string Precision { get; init; } = "32";

    /// <summary>
    /// The data selection of a run: <paramref name="flags"/>' seasons, and its weeks when it names any (<c>--weeks</c>
    /// overrides the config), else <see cref="Weeks"/>. Read the dataset with it, and train with
    /// <c>this with { Weeks = [.. selection.Weeks] }</c>, so the config's weeks and the flag's mean one thing.
    /// </summary>
    public TrackingSelection Selection(TrackingSelection? flags = null)
    {
        flags ??= TrackingSelection.All;
        return flags.Weeks.Count > 0 ? flags : TrackingSelection.Of(flags.Seasons, Weeks);
    }

    /// <summary>The configuration the network is built with.</summary>
    public TrajectoryGnnConfig ModelConfig(int features, int observed, int horizon) =>
        new()
        {
            NodeFeatures = features,
            Hidden = Hidden,
            Layers = Layers,
            Observed = observed,
            Horizon = horizon,
            Modes = Probabilistic ? Modes : 0,
        };

    /// <summary>The options as the tracked run's parameters and the card's.</summary>
    public IReadOnlyDictionary<string, object?> Parameters() =>
        new Dictionary<string, object?>
        {
            ["experiment_name"] = ExperimentName,
            ["weeks"] = Weeks.Count == 0 ? "all" : string.Join(",", Weeks),
            ["batch_size"] = BatchSize,
            ["max_epochs"] = MaxEpochs,
            ["learning_rate"] = LearningRate,
            ["weight_decay"] = WeightDecay,
            ["patience"] = Patience,
            ["accumulate_grad_batches"] = AccumulateGradBatches,
            ["clip_norm"] = ClipNorm,
            ["hidden"] = Hidden,
            ["layers"] = Layers,
            ["probabilistic"] = Probabilistic,
            ["modes"] = Probabilistic ? Modes : 0,
            ["huber_delta"] = HuberDelta,
            ["velocity_weight"] = VelocityWeight,
            ["acceleration_weight"] = AccelerationWeight,
            ["coverage_weight"] = CoverageWeight,
            ["save_top_k"] = SaveTopK,
            ["max_train_samples"] = MaxTrainSamples,
            ["max_plays"] = MaxPlays,
            ["seed"] = Seed,
            ["precision"] = Precision,
        };

    /// <summary>
    /// Reads a YAML config (snake_case keys of these options; missing keys keep their defaults). An unknown key or a
    /// value of the wrong type is an error naming the file, line and key.
    /// </summary>
    public static FootballTrainOptions Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No football training config at {path}.", path);
        var deserializer = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();
        try
        {
            return deserializer.Deserialize<FootballTrainOptions>(File.ReadAllText(path)) ?? new FootballTrainOptions();
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new InvalidDataException($"{path}: line {e.Start.Line}: {reason}", e);
        }
    }

    /// <summary>The config named <paramref name="name"/> (<c>sanity</c>, <c>production</c>,
    /// <c>probabilistic</c>) under <paramref name="configFolder"/>, or a path to a YAML file.</summary>
    public static FootballTrainOptions Named(string name, string configFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var path =
            name.EndsWith(".yaml", StringComparison.Ordinal) || name.EndsWith(".yml", StringComparison.Ordinal)
                ? name
                : Path.Combine(configFolder, name + ".yaml");
        return Load(path);
    }
}
