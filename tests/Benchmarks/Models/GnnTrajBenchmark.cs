using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// <c>gnn_traj.py</c>: 32 graphs of 22 fully connected players (one disjoint graph of 704 nodes and
/// 14,784 directed edges); node encoder, 3 message-passing layers (edge MLP on [h_src, h_dst, e], sum over
/// incoming edges, residual update MLP), a trajectory head (10 future (x, y) offsets per player) and a
/// coverage head on the per-graph mean of h. Loss ADE + BCE-with-logits (FDE computed as a metric),
/// Adam lr 1e-3; samples are graphs.
/// </summary>
internal sealed class GnnTrajBenchmark : IModelBenchmark
{
    private const int Players = 22, NodeIn = 8, Hidden = 64, Layers = 3, Horizon = 10, Batch = 32, PoolSize = 4;

    private readonly TrajGnn _model;
    private readonly Adam _optimizer;
    private readonly Graph _graph;
    private readonly Sample[] _pool;
    private float _fde;

    public GnnTrajBenchmark(long seed = 0)
    {
        var generator = new Generator(seed);
        _model = new TrajGnn(generator);
        _optimizer = new Adam(_model.Parameters(), lr: 1e-3);
        _graph = Graph.Build(Batch);
        _pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(generator, Batch))];
    }

    public string Name => "gnn_traj";
    public string SampleUnit => "graphs";
    public int BatchSize => Batch;
    public long ExpectedParameters => 87_381;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["players"] = Players, ["edges_per_graph"] = Players * (Players - 1), ["hidden"] = Hidden, ["layers"] = Layers,
        ["horizon"] = Horizon, ["optim"] = "Adam(1e-3)", ["loss"] = "ADE+BCE(coverage)", ["fde_last"] = _fde,
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad(setToNone: false);
        var (pred, logit) = _model.Forward(b.X, _graph);
        var (ade, fde) = AdeFde(pred, b.Traj);
        var loss = ade + Functional.BinaryCrossEntropyWithLogits(logit, b.Cov);
        loss.Backward();
        _optimizer.Step();
        _fde = fde.Item();
        return loss.Item();
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        var (_, logit) = _model.Forward(b.X, _graph);
        logit.Sigmoid();
    }

    /// <summary>Average and final displacement errors: the mean L2 distance over all steps, and at the last step.</summary>
    private static (Tensor Ade, Tensor Fde) AdeFde(Tensor pred, Tensor target)
    {
        var diff = pred - target;
        var d = ((diff * diff).Sum(-1) + 1e-12f).Sqrt();                      // [nodes, Horizon]
        return (d.Mean(), d.Select(1, -1).Mean());
    }

    private sealed record Sample(Tensor X, Tensor Traj, Tensor Cov);

    /// <summary>
    /// Per player: x ~ U[0, 120), y ~ U[0, 53.3), 4 × N(0, 1) (velocity, acceleration), team ±1, flag = 1 with
    /// probability 0.05; targets are cumulative sums of N(0, 0.5²) steps; coverage = 1 with probability 0.5 per graph.
    /// </summary>
    private static Sample MakeBatch(Generator generator, int graphs)
    {
        int n = graphs * Players;
        // Column by column, as torch.cat of the per-feature draws fills them.
        var columns = new[]
        {
            Tensor.Rand(generator, n, 1) * 120f, Tensor.Rand(generator, n, 1) * 53.3f, Tensor.Randn(generator, n, 4),
            Synthetic.RandInt(generator, 0, 2, n, 1).ToTensor() * 2f - 1f, Synthetic.Bernoulli(generator, 0.05, n, 1),
        };
        var x = Tensor.Cat(columns, dim: 1);
        var traj = Tensor.Randn(generator, n, Horizon, 2);
        var t = traj.AsSpan();
        for (int i = 0; i < n; i++)
            for (int s = 0; s < Horizon; s++)
                for (int c = 0; c < 2; c++)
                {
                    int at = (i * Horizon + s) * 2 + c;
                    t[at] = t[at] * 0.5f + (s > 0 ? t[at - 2] : 0f);
                }
        return new Sample(x, traj, Synthetic.Bernoulli(generator, 0.5, graphs));
    }

    /// <summary>
    /// The fixed batch graph (<c>build_edges</c>): edge lists in PyTorch's order (source-major, no self
    /// loops); <see cref="Incoming"/> sums edge rows into their destination node (index_add over dst), and
    /// <see cref="Members"/> sums node rows into their graph (index_add over graph_id).
    /// </summary>
    private sealed record Graph(IndexTensor Src, IndexTensor Dst, CsrGraph Incoming, CsrGraph Members)
    {
        public static Graph Build(int graphs)
        {
            var src = new List<int>();
            var dst = new List<int>();
            for (int g = 0; g < graphs; g++)
                for (int i = 0; i < Players; i++)
                    for (int j = 0; j < Players; j++)
                        if (i != j)
                        {
                            src.Add(g * Players + i);
                            dst.Add(g * Players + j);
                        }
            int nodes = graphs * Players, edges = src.Count;
            var incoming = CsrGraph.FromEdges(nodes, [.. dst], [.. Enumerable.Range(0, edges)]);
            var members = CsrGraph.FromEdges(graphs, [.. Enumerable.Range(0, nodes).Select(v => v / Players)], [.. Enumerable.Range(0, nodes)]);
            return new Graph(IndexTensor.FromArray([.. src]), IndexTensor.FromArray([.. dst]), incoming, members);
        }
    }

    private static Sequential Mlp(int dIn, int dHidden, int dOut, Generator generator) =>
        new(new Linear(dIn, dHidden, generator), new ReLU(), new Linear(dHidden, dOut, generator));

    /// <summary>One message-passing layer (<c>MPLayer</c>).</summary>
    private sealed class MpLayer : Module
    {
        private readonly Sequential _msg, _upd;

        public MpLayer(Generator generator)
        {
            _msg = RegisterModule("msg", Mlp(2 * Hidden + 3, Hidden, Hidden, generator));
            _upd = RegisterModule("upd", Mlp(2 * Hidden, Hidden, Hidden, generator));
        }

        /// <summary>h [nodes, H], e [edges, 3] → h + upd([h, Σ_incoming msg([h_src, h_dst, e])]).</summary>
        public Tensor Forward(Tensor h, Tensor e, Graph graph)
        {
            var m = _msg.Forward(Tensor.Cat([h.IndexSelect(0, graph.Src), h.IndexSelect(0, graph.Dst), e], dim: -1)); // [E, H]
            var agg = Tensor.SegmentSum(m, graph.Incoming);                                                         // sum over incoming
            return h + _upd.Forward(Tensor.Cat([h, agg], dim: -1));
        }
    }

    /// <summary>The model of <c>gnn_traj.py</c> (<c>TrajGNN</c>), with the same parameter names.</summary>
    private sealed class TrajGnn : Module
    {
        private readonly Sequential _enc, _traj, _cov;
        private readonly ModuleList<MpLayer> _layers;

        public TrajGnn(Generator generator)
        {
            _enc = RegisterModule("enc", Mlp(NodeIn, Hidden, Hidden, generator));
            _layers = RegisterModule("layers", new ModuleList<MpLayer>(Enumerable.Range(0, Layers).Select(_ => new MpLayer(generator))));
            _traj = RegisterModule("traj", Mlp(Hidden, Hidden, 2 * Horizon, generator));
            _cov = RegisterModule("cov", Mlp(Hidden, 32, 1, generator));
        }

        /// <summary>x [nodes, 8] → trajectory offsets [nodes, Horizon, 2] and coverage logits [graphs].</summary>
        public (Tensor Traj, Tensor Coverage) Forward(Tensor x, Graph graph)
        {
            var pos = x.Narrow(1, 0, 2);
            var rel = pos.IndexSelect(0, graph.Src) - pos.IndexSelect(0, graph.Dst);
            var dist = (rel * rel).Sum(-1, keepDim: true).Sqrt();
            var e = Tensor.Cat([rel, dist], dim: -1) / 10f;                                   // (dx, dy, dist)
            var h = _enc.Forward(x);
            foreach (var layer in _layers) h = layer.Forward(h, e, graph);
            var traj = _traj.Forward(h).View(-1, Horizon, 2);                                  // offsets from the current position
            var pooled = Tensor.SegmentSum(h, graph.Members) / Players;                        // per-graph mean
            return (traj, _cov.Forward(pooled).Squeeze(-1));
        }
    }
}
