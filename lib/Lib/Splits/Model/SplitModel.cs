using Lib.Splits.Dataset;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Lib.Workflow;

namespace Lib.Splits.Model;

/// <summary>
/// A trained split model: the <see cref="SiameseLstm"/> with its card, saved and loaded through the kit's
/// <see cref="ModelFolder"/> (<c>model.safetensors</c> with PyTorch keys, <c>model.json</c>). It encodes clips of a
/// video (scaled by the card's feature scale) and scores pairs of clip vectors.
/// </summary>
public sealed class SplitModel
{
    /// <summary>The format tag of a split model folder.</summary>
    public const string Format = "lab.splits.siamese-lstm/1";

    /// <summary>A model of <paramref name="network"/> described by <paramref name="card"/>.</summary>
    public SplitModel(SiameseLstm network, ModelCard<SiameseLstmConfig, SplitInputs> card)
    {
        Network = network ?? throw new ArgumentNullException(nameof(network));
        Card = card ?? throw new ArgumentNullException(nameof(card));
    }

    /// <summary>The network.</summary>
    public SiameseLstm Network { get; }

    /// <summary>The card.</summary>
    public ModelCard<SiameseLstmConfig, SplitInputs> Card { get; }

    /// <summary>Runs the encoder elsewhere (a TorchSharp twin on a device, set by <c>Lib.Torch</c>'s
    /// <c>TorchSplitsRunner</c>), or null for the engine.</summary>
    public SplitRunner? Runner { get; set; }

    private Tensor Compress(Tensor frames) => Runner is { } r ? r.Compress(frames) : Network.Compress(frames);

    private Tensor EncodeCompressed(Tensor clips) =>
        Runner is { } r ? r.EncodeCompressed(clips) : Network.EncodeCompressed(clips);

    /// <summary>The inputs (task, clip length, feature scale, fold).</summary>
    public SplitInputs Inputs => Card.Inputs;

    /// <summary>Writes the folder (each file atomically).</summary>
    public void Save(string folder) => ModelFolder.Save(folder, Network, Card);

    /// <summary>Reads a folder written by <see cref="Save"/>.</summary>
    /// <exception cref="DirectoryNotFoundException">No such folder.</exception>
    /// <exception cref="FileNotFoundException">The folder lacks a file.</exception>
    /// <exception cref="InvalidDataException">The card or weights do not read, are of another format, or do not
    /// match.</exception>
    public static SplitModel Load(string folder)
    {
        var (card, network) = ModelFolder.Load<SiameseLstmConfig, SplitInputs, SiameseLstm>(folder, Format, c =>
        {
            if (c.Inputs.Scale.Mean.Count != c.Config.InputSize || c.Inputs.Scale.Std.Count != c.Config.InputSize)
                throw new ArgumentException(
                    $"the feature scale has {c.Inputs.Scale.Mean.Count} features but the network reads "
                        + $"{c.Config.InputSize}."
                );
            return new SiameseLstm(c.Config, new Generator(0));
        });
        network.Eval();
        return new SplitModel(network, card);
    }

    /// <summary>
    /// The vector of the clip ending at each frame of <paramref name="ends"/> in <paramref name="video"/>
    /// (evaluation mode, no gradients; the per-frame compression runs once per frame): <c>[ends, E]</c>.
    /// </summary>
    public Tensor EncodeClips(FeatureSequence video, IReadOnlyList<int> ends, int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(video);
        ArgumentNullException.ThrowIfNull(ends);
        if (video.Dim != Network.Config.InputSize)
            throw new ArgumentException(
                $"The video has {video.Dim} features per frame; the model reads {Network.Config.InputSize} "
                    + $"({Inputs.Feature})."
            );
        bool training = Network.Training;
        Network.Eval();
        try
        {
            using var _ = GradMode.NoGrad();
            int f = Inputs.ClipLength;
            int lo = Math.Max(0, ends.Min() - f + 1),
                hi = ends.Max();
            var frames = new float[(long)(hi - lo + 1) * video.Dim];
            for (int i = lo; i <= hi; i++)
            {
                var dest = frames.AsSpan((i - lo) * video.Dim, video.Dim);
                video.Frame(i).CopyTo(dest);
                Inputs.Scale.Apply(dest);
            }
            var compressed = Compress(Tensor.Wrap(frames, hi - lo + 1, video.Dim)).ToArray(); // [n, C]
            int c = compressed.Length / (hi - lo + 1);
            var result = new float[(long)ends.Count * Network.Config.EmbeddingSize];
            for (int start = 0; start < ends.Count; start += batchSize)
            {
                int b = Math.Min(batchSize, ends.Count - start);
                var clips = new float[(long)b * f * c];
                for (int j = 0; j < b; j++)
                for (int i = 0; i < f; i++)
                {
                    int frame = Math.Max(0, ends[start + j] - f + 1 + i) - lo;
                    compressed.AsSpan(frame * c, c).CopyTo(clips.AsSpan((j * f + i) * c, c));
                }
                using var scope = DisposeScope.Enter();
                var vectors = EncodeCompressed(Tensor.Wrap(clips, b, f, c)).ToArray(); // [b, E]
                vectors.CopyTo(result, (long)start * Network.Config.EmbeddingSize);
            }
            return Tensor.Wrap(result, ends.Count, Network.Config.EmbeddingSize);
        }
        finally
        {
            Network.Train(training);
        }
    }

    /// <summary>
    /// Each frame of <paramref name="video"/> as the model sees it before the LSTM: scaled by the card's feature scale
    /// and through the per-frame compression (evaluation mode), frame-major <c>[frames × C]</c>.
    /// </summary>
    public float[] EmbedFrames(FeatureSequence video)
    {
        ArgumentNullException.ThrowIfNull(video);
        if (video.Dim != Network.Config.InputSize)
            throw new ArgumentException(
                $"The video has {video.Dim} features per frame; the model reads {Network.Config.InputSize}."
            );
        bool training = Network.Training;
        Network.Eval();
        try
        {
            using var _ = GradMode.NoGrad();
            var frames = (float[])video.Values.Clone();
            for (int i = 0; i < video.FrameCount; i++)
                Inputs.Scale.Apply(frames.AsSpan(i * video.Dim, video.Dim));
            using var scope = DisposeScope.Enter();
            return Compress(Tensor.Wrap(frames, video.FrameCount, video.Dim)).ToArray();
        }
        finally
        {
            Network.Train(training);
        }
    }

    /// <summary>
    /// The classifier's logit for every pair of a row of <paramref name="sources"/> (<c>[N, E]</c>) and a row of
    /// <paramref name="targets"/> (<c>[M, E]</c>), row-major <c>N × M</c>. With the MLP interaction the first layer
    /// after the concatenation is split into its source and target halves, computed once per vector, so a pair
    /// costs one hidden layer's sum rather than the whole concatenated product.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model is a regressor.</exception>
    public float[] PairwiseLogits(Tensor sources, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(targets);
        if (Inputs.Task != SampleTask.Classifier)
            throw new InvalidOperationException("Pairwise logits come from a classifier; this model is a regressor.");
        using var _ = GradMode.NoGrad();
        bool training = Network.Training;
        Network.Eval();
        try
        {
            int n = sources.Size(0),
                m = targets.Size(0),
                e = sources.Size(1);
            var result = new float[(long)n * m];
            if (Network.Config.InteractionType != "mlp")
            {
                for (int i = 0; i < n; i++)
                    Score(sources.Select(0, i), targets).CopyTo(result, (long)i * m);
                return result;
            }
            var post = Network.PostLstm;
            var first = post.Count > 0 ? (Lib.Tensors.NN.Linear)post[0] : Network.Fc;
            int h = first.OutFeatures;
            var w = first.Weight.ToArray(); // [h, 2e]
            var wa = new float[h * e];
            var wb = new float[h * e];
            for (int r = 0; r < h; r++)
            {
                Array.Copy(w, r * 2 * e, wa, r * e, e);
                Array.Copy(w, r * 2 * e + e, wb, r * e, e);
            }
            var u = Tensor.Linear(sources, Tensor.Wrap(wa, h, e), first.Bias).ToArray(); // [n, h]
            var v = Tensor.Linear(targets, Tensor.Wrap(wb, h, e)).ToArray(); // [m, h]
            var hidden = new float[(long)m * h];
            for (int i = 0; i < n; i++)
            {
                using var scope = DisposeScope.Enter();
                var ui = u.AsSpan(i * h, h);
                for (int j = 0; j < m; j++)
                    System.Numerics.Tensors.TensorPrimitives.Add(v.AsSpan(j * h, h), ui, hidden.AsSpan(j * h, h));
                var x = Tensor.Wrap(hidden, m, h);
                if (post.Count > 0)
                {
                    for (int layer = 1; layer < post.Count; layer++)
                        x = post[layer].Forward(x);
                    x = Network.Fc.Forward(x);
                }
                x.ToArray().CopyTo(result, (long)i * m);
            }
            return result;
        }
        finally
        {
            Network.Train(training);
        }
    }

    /// <summary>The network's output for one source vector against every row of <paramref name="targets"/>
    /// (<c>[E]</c>, <c>[M, E]</c> → M values: logits, or offsets in frames for a regressor).</summary>
    public float[] Score(Tensor source, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(targets);
        using var _ = GradMode.NoGrad();
        int m = targets.Size(0),
            e = targets.Size(1);
        var repeated = new float[(long)m * e];
        var s = source.ToArray();
        for (int i = 0; i < m; i++)
            s.CopyTo(repeated, (long)i * e);
        var output = Network.Head(Tensor.Wrap(repeated, m, e), targets).ToArray();
        if (Inputs.Task == SampleTask.Regressor)
            for (int i = 0; i < m; i++)
                output[i] = (float)(output[i] * Inputs.OffsetUnitFrames);
        return output;
    }
}
