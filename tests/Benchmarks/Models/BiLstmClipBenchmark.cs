using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// <c>bilstm_clip.py</c>: a siamese clip matcher. One bidirectional LSTM (128 → 128 per direction) encodes
/// both clips of every pair in one call (batch 2B, 50 frames of 128 features), the outputs are averaged over
/// time and compressed (Linear(256,128)-ReLU), and an MLP on [source, target] embeddings
/// (Linear(256,128)-ReLU-Dropout(0.1)-Linear(128,1)) gives a logit. BCE-with-logits, Adam lr 1e-3, batch 32 pairs.
/// </summary>
internal sealed class BiLstmClipBenchmark : IModelBenchmark
{
    private const int Frames = 50, Feat = 128, Hidden = 128, Emb = 128, Batch = 32, PoolSize = 4;

    private readonly ClipMatcher _model;
    private readonly Adam _optimizer;
    private readonly BCEWithLogitsLoss _loss = new();
    private readonly Sample[] _pool;

    public BiLstmClipBenchmark(long seed = 0)
    {
        var generator = new Generator(seed);
        _model = new ClipMatcher(generator);
        _optimizer = new Adam(_model.Parameters(), lr: 1e-3);
        _pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(generator, Batch))];
    }

    public string Name => "bilstm_clip";
    public string SampleUnit => "pairs";
    public int BatchSize => Batch;
    public long ExpectedParameters => 330_113;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["frames"] = Frames, ["feat"] = Feat, ["hidden"] = Hidden, ["bidirectional"] = true,
        ["shared_encoder"] = true, ["optim"] = "Adam(1e-3)", ["loss"] = "BCE",
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad(setToNone: false);
        var loss = _loss.Forward(_model.Forward(b.Src, b.Tgt), b.Y);
        loss.Backward();
        _optimizer.Step();
        return loss.Item();
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _model.Forward(b.Src, b.Tgt).Sigmoid();
    }

    private sealed record Sample(Tensor Src, Tensor Tgt, Tensor Y);

    /// <summary>Both clips [n, 50, 128] ~ N(0, 1); y = 1 with probability 0.5.</summary>
    private static Sample MakeBatch(Generator generator, int n) =>
        new(Tensor.Randn(generator, n, Frames, Feat), Tensor.Randn(generator, n, Frames, Feat), Synthetic.Bernoulli(generator, 0.5, n));

    /// <summary>The model of <c>bilstm_clip.py</c> (<c>ClipMatcher</c>), with the same parameter names.</summary>
    private sealed class ClipMatcher : Module
    {
        private readonly LSTM _encoder;
        private readonly Sequential _compress, _interact;

        public ClipMatcher(Generator generator)
        {
            _encoder = RegisterModule("encoder", new LSTM(Feat, Hidden, generator, batchFirst: true, bidirectional: true));
            _compress = RegisterModule("compress", new Sequential(new Linear(2 * Hidden, Emb, generator), new ReLU()));
            _interact = RegisterModule("interact", new Sequential(
                new Linear(2 * Emb, 128, generator), new ReLU(), new Dropout(generator, p: 0.1f), new Linear(128, 1, generator)));
        }

        /// <summary>clips [N, T, F] → embeddings [N, Emb]: the time-mean of the BiLSTM outputs, compressed.</summary>
        private Tensor Embed(Tensor clips)
        {
            var (output, _, _) = _encoder.Forward(clips);                                    // [N, T, 2H]
            return _compress.Forward(output.Mean(1));
        }

        /// <summary>src, tgt [B, T, F] → match logits [B].</summary>
        public Tensor Forward(Tensor src, Tensor tgt)
        {
            int b = src.Size(0);
            var z = Embed(Tensor.Cat([src, tgt], dim: 0));
            return _interact.Forward(Tensor.Cat([z.Narrow(0, 0, b), z.Narrow(0, b, b)], dim: -1)).Squeeze(-1);
        }
    }
}
