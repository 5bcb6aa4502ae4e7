using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.NN;
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

    /// <summary>A model of <paramref name="network"/> (and, for an ensemble, the <paramref name="others"/> members)
    /// described by <paramref name="card"/>.</summary>
    public TrackModel(
        ModelCard<TrackModelConfig, TrackInputs> card,
        HierarchicalLstm network,
        IReadOnlyList<HierarchicalLstm>? others = null,
        BoostedTrees? trees = null
    )
    {
        Card = card ?? throw new ArgumentNullException(nameof(card));
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Members = [network, .. others ?? []];
        if (Members.Count != card.Inputs.Members)
            throw new ArgumentException(
                $"The card lists {card.Inputs.Members} member network(s) but {Members.Count} were given.",
                nameof(others)
            );
        if (network.Events != card.Inputs.Events.Count)
            throw new ArgumentException(
                $"The network has {network.Events} heads but the card lists {card.Inputs.Events.Count} events.",
                nameof(network)
            );
        if ((trees is null) != (card.Inputs.Trees is null))
            throw new ArgumentException(
                trees is null
                    ? "The card mixes in boosted trees but none were given."
                    : "Boosted trees were given but the card has no mix for them.",
                nameof(trees)
            );
        Trees = trees;
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

    /// <summary>The network (the first member of an ensemble).</summary>
    public HierarchicalLstm Network { get; }

    /// <summary>
    /// How <see cref="PredictZ"/> runs member k of <see cref="Members"/> on a batch (z-space outputs): null runs the
    /// member on the engine (the default); <c>Lib.Torch</c> sets the TorchSharp twins' forward pass for
    /// <c>--device torch-cpu | cuda</c>. Either way the weights are this folder's.
    /// </summary>
    public Func<int, TrackBatch, float[]>? Runner { get; set; }

    /// <summary>The boosted trees mixed in per <see cref="TrackInputs.Trees"/> (null: none).</summary>
    public BoostedTrees? Trees { get; }

    /// <summary>Every member network, <see cref="Network"/> first; their outputs are averaged.</summary>
    public IReadOnlyList<HierarchicalLstm> Members { get; }

    /// <summary>The file of member <paramref name="k"/> (0: <c>model.safetensors</c>).</summary>
    public static string MemberFile(int k) => k == 0 ? ModelFolder.WeightsFile : $"member-{k}.safetensors";

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

    /// <summary>
    /// Forecasts in the events' units (seconds, metres, points), in evaluation mode and without gradients: the
    /// network's, blended with the last peak per event family when the card has a <see cref="TrackInputs.Blend"/>,
    /// then mixed with the boosted trees' per family when it has <see cref="TrackInputs.Trees"/>.
    /// </summary>
    public double[] Predict(IReadOnlyList<WindowSample> samples, int batchSize = 256)
    {
        var result = PredictNetwork(samples, batchSize);
        if (Trees is null || Inputs.Trees is not { } mix)
            return result;
        var gains = Trees.Predict([.. samples.Select(s => s.Features)]);
        for (var i = 0; i < samples.Count; i++)
        {
            var ev = EventCatalogue.Get(Inputs.Events[samples[i].Event]);
            var trees = WindowFeatures.FromGain(ev, gains[i], samples[i].LastPeak);
            double? mean = mix.MeanShares is null ? null : MeanOfPeaks(ev, samples[i]);
            result[i] = mix.Apply(ev.Family, result[i], trees, mean);
        }
        return result;
    }

    /// <summary>The window's geometric mean of peaks in <paramref name="ev"/>'s unit, from its
    /// <c>gain_mean_of_peaks</c> feature (what the <see cref="TreeMix.MeanShares"/> mix toward).</summary>
    public static double MeanOfPeaks(EventInfo ev, WindowSample sample)
    {
        ArgumentNullException.ThrowIfNull(sample);
        return WindowFeatures.FromGain(ev, sample.Features[MeanOfPeaksFeature], sample.LastPeak);
    }

    private static readonly int MeanOfPeaksFeature = WindowFeatures.Names.ToList().IndexOf("gain_mean_of_peaks");

    /// <summary>The boosted trees' forecasts alone in the events' units (null without trees).</summary>
    public double[]? PredictTrees(IReadOnlyList<WindowSample> samples)
    {
        ArgumentNullException.ThrowIfNull(samples);
        if (Trees is null)
            return null;
        var gains = Trees.Predict([.. samples.Select(s => s.Features)]);
        return
        [
            .. samples.Select(
                (s, i) => WindowFeatures.FromGain(EventCatalogue.Get(Inputs.Events[s.Event]), gains[i], s.LastPeak)
            ),
        ];
    }

    /// <summary>
    /// The network's forecasts in the events' units, blended with the last peak per event family when the card has a
    /// <see cref="TrackInputs.Blend"/> (without the trees).
    /// </summary>
    public double[] PredictNetwork(IReadOnlyList<WindowSample> samples, int batchSize = 256)
    {
        var z = PredictZ(samples, batchSize);
        var result = new double[samples.Count];
        for (var i = 0; i < samples.Count; i++)
        {
            var code = Inputs.Events[samples[i].Event];
            var blended = Inputs.Blend is { } blend
                ? blend.Apply(EventCatalogue.Get(code).Family, z[i], samples[i].Base)
                : z[i];
            result[i] = Inputs.Scales[code].FromZ(blended);
        }
        return result;
    }

    /// <summary>The networks' mean output in z-space (before any blend), in evaluation mode and without
    /// gradients.</summary>
    public double[] PredictZ(IReadOnlyList<WindowSample> samples, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(samples);
        var result = new double[samples.Count];
        using var _ = GradMode.NoGrad();
        for (var k = 0; k < Members.Count; k++)
        {
            var member = Members[k];
            member.Eval();
            for (var start = 0; start < samples.Count; start += batchSize)
            {
                var part = samples.Skip(start).Take(batchSize).ToList();
                using var scope = DisposeScope.Enter(); // the batch's arrays serve the next batch
                var batch = TrackBatch.Collate(part, Config.Seasons);
                var z = Runner is { } runner ? runner(k, batch) : member.Forward(batch).Data;
                for (var i = 0; i < part.Count; i++)
                    result[start + i] += z[i] / Members.Count;
            }
        }
        return result;
    }

    /// <summary>Writes the model folder (<c>model.safetensors</c> and <c>model.json</c>, each atomically) into
    /// <paramref name="directory"/>.</summary>
    public void Save(string directory)
    {
        ModelFolder.Save(directory, Network, Card);
        for (var k = 1; k < Members.Count; k++)
            Checkpoint.Save(
                Path.Combine(directory, MemberFile(k)),
                Members[k],
                new Dictionary<string, string> { ["format"] = Format }
            );
        var treesFile = Path.Combine(directory, BoostedTrees.FileName);
        if (Trees is not null)
            Trees.Save(treesFile);
        else if (File.Exists(treesFile))
            File.Delete(treesFile); // a stale file of an earlier model in the same folder
    }

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
        var others = new List<HierarchicalLstm>();
        for (var k = 1; k < card.Inputs.Members; k++)
        {
            var path = Path.Combine(directory, MemberFile(k));
            if (!File.Exists(path))
                throw new FileNotFoundException(
                    $"{Path.Combine(directory, ModelFolder.CardFile)} lists {card.Inputs.Members} member networks "
                        + $"but {path} is missing.",
                    path
                );
            var (tensors, _) = Checkpoint.LoadTensors(path);
            if (Mismatches(card, tensors) is { Count: > 0 } found)
                throw new InvalidDataException($"{path} does not match the card: {string.Join("; ", found)}.");
            var member = new HierarchicalLstm(card.Config, card.Inputs.Events.Count, new Generator(0));
            member.LoadStateDict(tensors);
            member.Eval();
            others.Add(member);
        }
        BoostedTrees? trees = null;
        if (card.Inputs.Trees is { } mix)
        {
            if (!mix.Features.SequenceEqual(WindowFeatures.Names))
                throw new InvalidDataException(
                    $"{Path.Combine(directory, ModelFolder.CardFile)}'s trees read the features "
                        + $"{string.Join(", ", mix.Features)}; this version computes "
                        + $"{string.Join(", ", WindowFeatures.Names)}: retrain."
                );
            trees = BoostedTrees.Load(
                Path.Combine(directory, BoostedTrees.FileName),
                mix.Features.Count,
                mix.Settings.Bags
            );
        }
        return new TrackModel(card, network, others, trees);
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
