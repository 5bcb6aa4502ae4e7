using System.Text.Json;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Tensors.IO;
using Lib.Tensors.NN;
using Lib.Track.Dataset;
using Lib.Track.Events;

namespace Lib.Track.Model;

/// <summary>
/// A trained forecaster of one gender: the network, its <c>meta.json</c> and the encoder they define. Saved as a folder
/// holding <c>model.safetensors</c> (PyTorch keys) and <c>meta.json</c>; <see cref="Load"/> rebuilds the network from the
/// meta and refuses weights of another shape with an error saying which setting disagrees.
/// </summary>
public sealed class TrackModel
{
    /// <summary>The weights' file name.</summary>
    public const string WeightsFile = "model.safetensors";

    /// <summary>The meta file's name.</summary>
    public const string MetaFile = "meta.json";

    /// <summary>A model of <paramref name="network"/> described by <paramref name="meta"/>.</summary>
    public TrackModel(TrackModelMeta meta, HierarchicalLstm network)
    {
        Meta = meta ?? throw new ArgumentNullException(nameof(meta));
        Network = network ?? throw new ArgumentNullException(nameof(network));
        if (network.Events != meta.Events.Count) throw new ArgumentException($"The network has {network.Events} heads but meta lists {meta.Events.Count} events.", nameof(network));
        Encoder = new WindowEncoder(meta.Events, meta.Scales, meta.Config.MarksPerSeason, meta.Config.Residual);
    }

    /// <summary>The meta.</summary>
    public TrackModelMeta Meta { get; }

    /// <summary>The network.</summary>
    public HierarchicalLstm Network { get; }

    /// <summary>Windows to inputs, with the model's events and standardisation.</summary>
    public WindowEncoder Encoder { get; }

    /// <summary>The events the model forecasts.</summary>
    public IReadOnlyList<EventInfo> Events => [.. Meta.Events.Select(EventCatalogue.Get)];

    /// <summary>Forecasts in the events' units (seconds, metres, points), in evaluation mode and without gradients.</summary>
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
            var z = Network.Forward(TrackBatch.Collate(part, Meta.Config.Seasons)).Data;
            for (var i = 0; i < part.Count; i++)
                result[start + i] = Meta.Scales[Meta.Events[part[i].Event]].FromZ(z[i]);
        }
        return result;
    }

    /// <summary>Writes <c>model.safetensors</c> and <c>meta.json</c> into <paramref name="directory"/> (each atomically).</summary>
    public void Save(string directory)
    {
        Directory.CreateDirectory(directory);
        var meta = JsonSerializer.Serialize(Meta, TrackModelMeta.Json);
        Checkpoint.Save(Path.Combine(directory, WeightsFile), Network, new Dictionary<string, string> { ["lab.track.meta"] = meta });
        AtomicFile.WriteAllText(Path.Combine(directory, MetaFile), meta);
    }

    /// <summary>
    /// Loads the model in <paramref name="directory"/>: <c>meta.json</c> rebuilds the network, <c>model.safetensors</c> fills it.
    /// Weights that do not fit the meta's shape (another hidden size, label embedding, head variant or event count) are an
    /// <see cref="InvalidDataException"/> naming the setting, the value in meta.json and the value the weights have.
    /// </summary>
    public static TrackModel Load(string directory)
    {
        var metaPath = Path.Combine(directory, MetaFile);
        var weightsPath = Path.Combine(directory, WeightsFile);
        if (!File.Exists(metaPath)) throw new FileNotFoundException($"No trained track model in '{directory}': {MetaFile} is missing (train one with 'lab track train' or notebooks/track/03-train.dib).", metaPath);
        if (!File.Exists(weightsPath)) throw new FileNotFoundException($"'{directory}' has {MetaFile} but no {WeightsFile}.", weightsPath);
        TrackModelMeta meta;
        try
        {
            meta = JsonSerializer.Deserialize<TrackModelMeta>(File.ReadAllText(metaPath), TrackModelMeta.Json)
                   ?? throw new InvalidDataException($"{metaPath}: the file holds null, expected a track model's meta.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{metaPath}: line {(e.LineNumber ?? 0) + 1}: not a track model's meta ({e.Message})", e);
        }
        if (meta.FormatVersion != 1) throw new InvalidDataException($"{metaPath}: format version {meta.FormatVersion}; this build reads version 1.");
        try { meta.Config.Validate(); }
        catch (ArgumentException e) { throw new InvalidDataException($"{metaPath}: {e.Message}", e); }

        var network = new HierarchicalLstm(meta.Config, meta.Events.Count, new Generator(0));
        var (tensors, _) = Checkpoint.LoadTensors(weightsPath);
        var mismatches = Mismatches(meta, tensors);
        if (mismatches.Count > 0)
            throw new InvalidDataException($"{weightsPath} does not match {metaPath}: {string.Join("; ", mismatches)}. The two files do not belong together (retrain, or restore the meta.json saved with these weights).");
        try { network.LoadStateDict(tensors); }
        catch (ArgumentException e) { throw new InvalidDataException($"{weightsPath} does not match {metaPath}: {e.Message}", e); }
        return new TrackModel(meta, network);
    }

    /// <summary>The settings the weights imply that differ from the meta's, each as "setting: meta.json says X, the weights have Y".</summary>
    private static List<string> Mismatches(TrackModelMeta meta, Dictionary<string, Tensor> tensors)
    {
        var found = new List<string>();
        void Check(string setting, object expected, object? actual)
        {
            if (actual is not null && !Equals(expected, actual)) found.Add($"{setting}: meta.json says {expected}, the weights have {actual}");
        }
        int? Size(string key, int dim) => tensors.TryGetValue(key, out var t) && t.Dim > dim ? t.Size(dim) : null;

        Check("seasonHidden", meta.Config.SeasonHidden, Size("season_lstm.weight_hh_l0", 1));
        Check("acrossHidden", meta.Config.AcrossHidden, Size("across_lstm.weight_hh_l0", 1));
        Check("labelEmbedding", meta.Config.LabelEmbedding, Size("label_embedding.weight", 1));
        var head = tensors.ContainsKey("heads.weight1") ? HeadKind.Mlp32 : tensors.ContainsKey("heads.norm.weight") ? HeadKind.LayerNormLinear : tensors.ContainsKey("heads.weight") ? HeadKind.Linear : (HeadKind?)null;
        Check("head", meta.Config.Head, head);
        Check("sharedHead", meta.Config.SharedHead, tensors.Count == 0 ? null : tensors.ContainsKey("heads.shared_weight"));
        Check("events", meta.Events.Count, Size(head == HeadKind.Mlp32 ? "heads.bias2" : "heads.bias", 0));
        if (found.Count == 0)
        {
            var expected = new HierarchicalLstm(meta.Config, meta.Events.Count, new Generator(0)).StateDict();
            var missing = expected.Keys.Where(k => !tensors.ContainsKey(k)).ToList();
            var extra = tensors.Keys.Where(k => !expected.ContainsKey(k)).ToList();
            if (missing.Count > 0) found.Add($"the weights lack {string.Join(", ", missing)}");
            if (extra.Count > 0) found.Add($"the weights have unexpected {string.Join(", ", extra)}");
        }
        return found;
    }
}
