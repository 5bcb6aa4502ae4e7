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
            var compressed = Network.Compress(Tensor.Wrap(frames, hi - lo + 1, video.Dim)).ToArray(); // [n, C]
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
                var vectors = Network.EncodeCompressed(Tensor.Wrap(clips, b, f, c)).ToArray(); // [b, E]
                vectors.CopyTo(result, (long)start * Network.Config.EmbeddingSize);
            }
            return Tensor.Wrap(result, ends.Count, Network.Config.EmbeddingSize);
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
