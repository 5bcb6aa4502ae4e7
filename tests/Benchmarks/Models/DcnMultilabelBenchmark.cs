using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// <c>dcn_multilabel.py</c> (cross v2): x0 = [site embedding, 60 numeric features]; a cross branch of two
/// DCN-V2 layers x_{l+1} = x0 ⊙ (W x_l + b) + x_l beside a deep branch Linear(76,128)-ReLU-Linear(128,64)-ReLU;
/// 11 logits from both. BCE-with-logits + 1e-5 · L1 of every weight matrix, Adam lr 1e-3, batch 2048.
/// </summary>
internal sealed class DcnMultilabelBenchmark : IModelBenchmark
{
    private const int Sites = 250, SiteDim = 16, Numeric = 60, Outputs = 11, Crosses = 2, Batch = 2048, PoolSize = 4;
    private const float L1Lambda = 1e-5f;
    private static readonly int[] Deep = [128, 64];

    private readonly Dcn _model;
    private readonly Adam _optimizer;
    private readonly BCEWithLogitsLoss _bce = new();
    private readonly Sample[] _pool;

    public DcnMultilabelBenchmark(long seed = 0)
    {
        var generator = new Generator(seed);
        _model = new Dcn(generator);
        _optimizer = new Adam(_model.Parameters(), lr: 1e-3);
        _pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(generator, Batch))];
    }

    public string Name => "dcn_multilabel";
    public string SampleUnit => "samples";
    public int BatchSize => Batch;
    public long ExpectedParameters => 35_367;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["sites"] = Sites, ["site_dim"] = SiteDim, ["numeric"] = Numeric, ["outputs"] = Outputs,
        ["cross"] = "v2", ["n_cross"] = Crosses, ["deep"] = Deep, ["l1_lambda"] = L1Lambda,
        ["optim"] = "Adam(1e-3)", ["loss"] = "BCE+L1",
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad(setToNone: false);
        var loss = _bce.Forward(_model.Forward(b.Site, b.Num), b.Y) + L1Lambda * _model.L1Penalty();
        loss.Backward();
        _optimizer.Step();
        return loss.Item();
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _model.Forward(b.Site, b.Num).Sigmoid();
    }

    private sealed record Sample(IndexTensor Site, Tensor Num, Tensor Y);

    /// <summary>site U{0..249}, num [n, 60] ~ N(0, 1), y [n, 11] = 1 with probability 0.3.</summary>
    private static Sample MakeBatch(Generator generator, int n) =>
        new(Synthetic.RandInt(generator, 0, Sites, n), Tensor.Randn(generator, n, Numeric), Synthetic.Bernoulli(generator, 0.3, n, Outputs));

    /// <summary>
    /// The parallel Deep &amp; Cross network of <c>dcn_multilabel.py</c> (<c>DCN</c>), its cross branch the engine's
    /// <see cref="CrossNetwork"/>: the same parameters and shapes, keyed <c>cross.layers.0.weight</c> where PyTorch
    /// has <c>cross.0.lin.weight</c>.
    /// </summary>
    private sealed class Dcn : Module
    {
        private readonly Embedding _site;
        private readonly CrossNetwork _cross;
        private readonly Sequential _deep;
        private readonly Linear _out;

        public Dcn(Generator generator)
        {
            int d0 = SiteDim + Numeric;
            _site = RegisterModule("site", new Embedding(Sites, SiteDim, generator));
            _cross = RegisterModule("cross", new CrossNetwork(d0, Crosses, generator));
            _deep = RegisterModule("deep", new Sequential());
            int d = d0;
            foreach (int h in Deep)
            {
                _deep.Append(new Linear(d, h, generator)).Append(new ReLU());
                d = h;
            }
            _out = RegisterModule("out", new Linear(d0 + d, Outputs, generator));
        }

        /// <summary>site [n], num [n, 60] → logits [n, 11].</summary>
        public Tensor Forward(IndexTensor site, Tensor num)
        {
            var x0 = Tensor.Cat([_site.Forward(site), num], dim: -1);
            return _out.Forward(Tensor.Cat([_cross.Forward(x0), _deep.Forward(x0)], dim: -1));
        }

        /// <summary>Σ |w| over every parameter of more than one dimension (the weight matrices and the embedding table).</summary>
        public Tensor L1Penalty()
        {
            Tensor? sum = null;
            foreach (var p in Parameters())
                if (p.Dim > 1) sum = sum is null ? p.Abs().Sum() : sum + p.Abs().Sum();
            return sum!;
        }
    }
}
