using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// <c>hier_lstm.py</c> (pack mode): a season LSTM over each of K = 4 seasons' marks (ragged, by
/// <c>lengths</c>), its final h joined with a season-label embedding, an across-season LSTM, and a
/// per-event head Linear(64,32)-ReLU-Linear(32,1) whose stacked weights are gathered per sample.
/// L1 loss, AdamW lr 1e-3, batch 256.
/// </summary>
internal sealed class HierLstmBenchmark : IModelBenchmark
{
    private const int K = 4, L = 32, Feat = 3, Labels = 3, LabelDim = 8, Events = 20, Hidden = 64, HeadHidden = 32, Batch = 256, PoolSize = 4;

    private readonly HierLstm _model;
    private readonly AdamW _optimizer;
    private readonly L1Loss _loss = new();
    private readonly Sample[] _pool;

    public HierLstmBenchmark(long seed = 0)
    {
        var generator = new Generator(seed);
        _model = new HierLstm(generator);
        _optimizer = new AdamW(_model.Parameters(), lr: 1e-3);
        _pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(generator, Batch))];
    }

    public string Name => "hier_lstm";
    public string SampleUnit => "samples";
    public int BatchSize => Batch;
    public long ExpectedParameters => 95_276;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["K"] = K, ["L"] = L, ["F"] = Feat, ["hidden"] = Hidden, ["events"] = Events,
        ["seq_mode"] = "pack", ["optim"] = "AdamW(1e-3)", ["loss"] = "L1",
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad(setToNone: false);
        var loss = _loss.Forward(_model.Forward(b.X, b.Lengths, b.Labels, b.Events), b.Y);
        loss.Backward();
        _optimizer.Step();
        return loss.Item();
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _model.Forward(b.X, b.Lengths, b.Labels, b.Events);
    }

    private sealed record Sample(Tensor X, IndexTensor Lengths, IndexTensor Labels, IndexTensor Events, Tensor Y);

    /// <summary>X [n, K, L, F] ~ N(0, 1) zeroed past each season's length ~ U{1..L}; labels U{0..2}; events U{0..19}; y ~ N(0, 1).</summary>
    private static Sample MakeBatch(Generator generator, int n)
    {
        var x = Tensor.Randn(generator, n, K, L, Feat);
        var lengths = Synthetic.RandInt(generator, 1, L + 1, n, K);
        var data = x.AsSpan();
        var len = lengths.Data;
        for (int s = 0; s < n * K; s++)
            data.Slice((s * L + len[s]) * Feat, (L - len[s]) * Feat).Clear();
        var labels = Synthetic.RandInt(generator, 0, Labels, n, K);
        var events = Synthetic.RandInt(generator, 0, Events, n);
        return new Sample(x, lengths, labels, events, Tensor.Randn(generator, n));
    }

    /// <summary>The model of <c>hier_lstm.py</c> (<c>HierLSTM</c>), with the same parameter names.</summary>
    private sealed class HierLstm : Module
    {
        private readonly LSTM _seasonLstm;
        private readonly Embedding _labelEmb;
        private readonly LSTM _acrossLstm;
        private readonly Tensor _w1, _b1, _w2, _b2;

        public HierLstm(Generator generator)
        {
            _seasonLstm = RegisterModule("season_lstm", new LSTM(Feat, Hidden, generator, batchFirst: true));
            _labelEmb = RegisterModule("label_emb", new Embedding(Labels, LabelDim, generator));
            _acrossLstm = RegisterModule("across_lstm", new LSTM(Hidden + LabelDim, Hidden, generator, batchFirst: true));
            // The 20 heads, stacked: the same parameters as 20 Linear(64,32) + Linear(32,1) pairs, nn.Linear's U(±1/√fan_in).
            _w1 = RegisterParameter("w1", Tensor.Zeros(Events, Hidden, HeadHidden));
            _b1 = RegisterParameter("b1", Tensor.Zeros(Events, HeadHidden));
            _w2 = RegisterParameter("w2", Tensor.Zeros(Events, HeadHidden));
            _b2 = RegisterParameter("b2", Tensor.Zeros(Events));
            foreach (var (w, b, fanIn) in new[] { (_w1, _b1, Hidden), (_w2, _b2, HeadHidden) })
            {
                double bound = 1.0 / Math.Sqrt(fanIn);
                Init.Uniform(w, generator, -bound, bound);
                Init.Uniform(b, generator, -bound, bound);
            }
        }

        /// <summary>x [n, K, L, F], lengths [n, K] (valid marks per season), labels [n, K], events [n] → predictions [n].</summary>
        public Tensor Forward(Tensor x, IndexTensor lengths, IndexTensor labels, IndexTensor events)
        {
            int n = x.Size(0);
            var (_, seasonH, _) = _seasonLstm.Forward(x.Reshape(n * K, L, Feat), lengths.Reshape(n * K));
            var season = _seasonLstm.LastLayerHidden(seasonH).Reshape(n, K, Hidden);
            var z = Tensor.Cat([season, _labelEmb.Forward(labels)], dim: -1);            // [n, K, 72]
            var (_, acrossH, _) = _acrossLstm.Forward(z);
            var g = _acrossLstm.LastLayerHidden(acrossH);                                   // [n, 64]
            var hidden = g.Unsqueeze(1).MatMul(_w1.IndexSelect(0, events)).Squeeze(1) + _b1.IndexSelect(0, events);
            return (hidden.Relu() * _w2.IndexSelect(0, events)).Sum(-1) + _b2.IndexSelect(0, events);
        }
    }
}
