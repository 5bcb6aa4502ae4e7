using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Workflow;

namespace Lib.Track.Model;

/// <summary>
/// A trained forecaster of one gender: the network, its <see cref="ModelCard{TConfig, TInputs}"/> and the encoder they
/// define. Saved as a <see cref="ModelFolder"/> (<c>model.safetensors</c> with PyTorch keys + <c>model.json</c>);
/// <see cref="Load"/> rebuilds the network from the card and refuses weights of another shape with an error saying
/// which
/// setting disagrees. As an <see cref="IPredictor{TInput}"/> it forecasts windows like the baselines do.
/// </summary>
public sealed class TrackModel : IPredictor<Window>
{
    /// <summary>The model folder's format tag (version 2: the shared model card; version 1 was
    /// <c>meta.json</c>).</summary>
    public const string Format = "lab.track.hierarchical-lstm/2";

    /// <summary>The model's name in evaluation tables.</summary>
    public const string PredictorName = "model";

    /// <summary>A model of <paramref name="network"/> described by <paramref name="card"/>.</summary>
    public TrackModel(ModelCard<TrackModelConfig, TrackInputs> card, HierarchicalLstm network)
    {
        Card = card ?? throw new ArgumentNullException(nameof(card));
        Network = network ?? throw new ArgumentNullException(nameof(network));
        if (network.Events != card.Inputs.Events.Count)
            throw new ArgumentException(
                $"The network has {network.Events} heads but the card lists {card.Inputs.Events.Count} events.",
                nameof(network)
            );
        Encoder = new WindowEncoder(
            card.Inputs.Events,
            card.Inputs.Scales,
            card.Config.MarksPerSeason,
            card.Config.Residual
        );
    }

    /// <summary>The card: arguments, inputs, data fingerprint, training summary and learning curve.</summary>
    public ModelCard<TrackModelConfig, TrackInputs> Card { get; }

    /// <summary>The model's shape.</summary>
    public TrackModelConfig Config => Card.Config;

    /// <summary>The events, their scales, the split and the sources.</summary>
    public TrackInputs Inputs => Card.Inputs;

    /// <summary>The gender the model forecasts.</summary>
    public Gender Gender => Card.Inputs.Gender;

    /// <summary>The network.</summary>
    public HierarchicalLstm Network { get; }

    /// <summary>
    /// How <see cref="Predict(IReadOnlyList{WindowSample}, int)"/> runs the network on a batch (z-space outputs):
    /// null runs <see cref="Network"/> on the engine (the default); <c>Lib.Torch</c> sets the TorchSharp twin's
    /// forward pass for <c>--device torch-cpu | cuda</c>. Either way the weights are this folder's.
    /// </summary>
    public Func<TrackBatch, float[]>? Runner { get; set; }

    /// <summary>Windows to inputs, with the model's events and standardisation.</summary>
    public WindowEncoder Encoder { get; }

    /// <summary>The events the model forecasts.</summary>
    public IReadOnlyList<EventInfo> Events => [.. Inputs.Events.Select(EventCatalogue.Get)];

    /// <inheritdoc />
    public string Name => PredictorName;

    /// <summary>Forecasts of <paramref name="windows"/> (whose events the model knows) in the events' units.</summary>
    public double[] Predict(IReadOnlyList<Window> windows)
    {
        ArgumentNullException.ThrowIfNull(windows);
        return Predict([.. windows.Select(Encoder.Encode)]);
    }

    /// <summary>Forecasts in the events' units (seconds, metres, points), in evaluation mode and without
    /// gradients.</summary>
    public double[] Predict(IReadOnlyList<WindowSample> samples, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var result = new double[samples.Count];
        Network.Eval();
        using var _ = GradMode.NoGrad();
        for (var start = 0; start < samples.Count; start += batchSize)
        {
            var part = samples.Skip(start).Take(batchSize).ToList();
            using var scope = DisposeScope.Enter(); // the batch's arrays serve the next batch
            var batch = TrackBatch.Collate(part, Config.Seasons);
            var z = Runner is { } runner ? runner(batch) : Network.Forward(batch).Data;
            for (var i = 0; i < part.Count; i++)
                result[start + i] = Inputs.Scales[Inputs.Events[part[i].Event]].FromZ(z[i]);
        }
        return result;
    }

    /// <summary>Writes the model folder (<c>model.safetensors</c> and <c>model.json</c>, each atomically) into
    /// <paramref name="directory"/>.</summary>
    public void Save(string directory) => ModelFolder.Save(directory, Network, Card);

    /// <summary>
    /// Loads the model in <paramref name="directory"/>: <c>model.json</c> rebuilds the network,
    /// <c>model.safetensors</c> fills
    /// it. Weights that do not fit the card's shape (another hidden size, label embedding, head variant or event count)
    /// are an
    /// <see cref="InvalidDataException"/> naming the setting, the value in the card and the value the weights have.
    /// </summary>
    public static TrackModel Load(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (Directory.Exists(directory) && !ModelFolder.Holds(directory))
            throw new FileNotFoundException(
                $"No trained track model in '{directory}': {ModelFolder.CardFile} is missing (train one with "
                    + "'lab track train' or notebooks/track/03-train.dib).",
                Path.Combine(directory, ModelFolder.CardFile)
            );
        var (card, network) = ModelFolder.Load<TrackModelConfig, TrackInputs, HierarchicalLstm>(
            directory,
            Format,
            c => new HierarchicalLstm(c.Config.Validate(), c.Inputs.Events.Count, new Generator(0)),
            Mismatches
        );
        return new TrackModel(card, network);
    }

    /// <summary>The settings the weights imply that differ from the card's, each as "setting: the card says X, the
    /// weights have Y".</summary>
    private static List<string> Mismatches(
        ModelCard<TrackModelConfig, TrackInputs> card,
        IReadOnlyDictionary<string, Tensor> tensors
    )
    {
        var found = new List<string>();
        void Check(string setting, object expected, object? actual)
        {
            if (actual is not null && !Equals(expected, actual))
                found.Add($"{setting}: the card says {expected}, the weights have {actual}");
        }
        int? Size(string key, int dim) => tensors.TryGetValue(key, out var t) && t.Dim > dim ? t.Size(dim) : null;

        var config = card.Config;
        Check("seasonHidden", config.SeasonHidden, Size("season_lstm.weight_hh_l0", 1));
        Check("acrossHidden", config.AcrossHidden, Size("across_lstm.weight_hh_l0", 1));
        Check("labelEmbedding", config.LabelEmbedding, Size("label_embedding.weight", 1));
        var head =
            tensors.ContainsKey("heads.weight1") ? HeadKind.Mlp32
            : tensors.ContainsKey("heads.norm.weight") ? HeadKind.LayerNormLinear
            : tensors.ContainsKey("heads.weight") ? HeadKind.Linear
            : (HeadKind?)null;
        Check("head", config.Head, head);
        Check("sharedHead", config.SharedHead, tensors.Count == 0 ? null : tensors.ContainsKey("heads.shared_weight"));
        Check("events", card.Inputs.Events.Count, Size(head == HeadKind.Mlp32 ? "heads.bias2" : "heads.bias", 0));
        return found;
    }
}
