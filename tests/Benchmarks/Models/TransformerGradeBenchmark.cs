using Lib.Climbing.Cache;
using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Climbing.Train;
using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;

namespace Benchmarks.Models;

/// <summary>
/// Climbing's grader as the workflow trains it: <see cref="GradeTransformer"/> with the <see cref="TrainOptions"/>
/// defaults (d_model 128, 4 heads, 4 pre-norm layers, feed-forward 256, GELU, dropout 0.1), the bundled data's
/// vocabulary (1,133 tokens), 8 features per token and 64 positions, on <see cref="RouteBatch"/>es of 32 routes collated by
/// <see cref="RouteBatch.Collate"/> (padded to the batch's longest route); one step is the
/// <see cref="Lib.Tensors.Training.Trainer{TBatch}"/>'s as <see cref="GradeModelTrainer"/> sets it up: ZeroGrad, MSE,
/// backward, gradient norm clipped at 1, AdamW (lr 5e-4, decay 0.01 on matrices only), then the warm-up + cosine schedule.
/// </summary>
internal sealed class TransformerGradeBenchmark : IModelBenchmark
{
    private const int Vocab = 1133, MaxLength = 64, Batch = 32, PoolSize = 8, TrainRoutes = 1175;
    private const ulong ShapeSeed = 14;

    /// <summary>Tokens per route (CLS, board, angle, holds) of the bundled data's 1,175 training routes (mean 11.0, 6 to 38).</summary>
    internal static readonly (int Value, int Count)[] RouteLengths =
    [
        (6, 5), (7, 24), (8, 95), (9, 217), (10, 311), (11, 231), (12, 111), (13, 53), (14, 31), (15, 18), (16, 19), (17, 11), (18, 12),
        (19, 7), (20, 5), (21, 4), (23, 5), (24, 1), (27, 1), (28, 5), (31, 4), (33, 1), (36, 1), (37, 1), (38, 2),
    ];

    private static readonly TrainOptions Options = new();

    private readonly GradeTransformer _model;
    private readonly AdamW _optimizer;
    private readonly CosineWithWarmup _scheduler;
    private readonly RouteBatch[] _pool;

    public TransformerGradeBenchmark(long seed = 0)
    {
        var generator = new Generator(seed);
        _model = new GradeTransformer(Options.ModelConfig(Vocab, RouteTokenizer.FeatureCount, MaxLength), generator);
        _optimizer = new AdamW(ParamGroups.DecayAndNoDecay(_model, Options.WeightDecay), lr: Options.LearningRate);
        int totalSteps = (TrainRoutes + Batch - 1) / Batch * Options.Epochs; // GradeModelTrainer: the loader's batches × epochs
        _scheduler = new CosineWithWarmup(_optimizer, (int)Math.Round(Options.WarmupFraction * totalSteps), totalSteps);
        var shapes = new ShapeDraw(ShapeSeed);
        var data = new Generator(seed + 1);
        _pool = [.. Enumerable.Range(0, PoolSize).Select(i => MakeBatch(shapes, data, i))];
    }

    /// <summary>The network, optimizer, schedule and batches (the TorchSharp side copies them).</summary>
    internal GradeTransformer Network => _model;
    internal AdamW Optimizer => _optimizer;
    internal CosineWithWarmup Scheduler => _scheduler;
    internal RouteBatch[] Pool => _pool;
    internal static double ClipNorm => Options.ClipNorm;

    public string Name => "transformer_grade";
    public string SampleUnit => "samples";
    public int BatchSize => Batch;
    public long ExpectedParameters => 684_673;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["model"] = "Lib.Climbing.Model.GradeTransformer", ["vocab"] = Vocab, ["features"] = RouteTokenizer.FeatureCount, ["max_len"] = MaxLength,
        ["d_model"] = Options.DModel, ["nhead"] = Options.NHead, ["layers"] = Options.NumLayers, ["ff"] = Options.DimFeedforward,
        ["norm_first"] = true, ["dropout"] = Options.Dropout, ["optim"] = "AdamW(5e-4, wd 0.01 on matrices)+clip1.0+cosine warm-up", ["loss"] = "MSE",
        ["pool_lengths"] = _pool.Select(b => b.Ids.Shape[1]).ToArray(),
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad();
        var loss = Functional.MseLoss(_model.Forward(b.Ids, b.Features, b.Mask), b.Target);
        float value = loss.Item();
        loss.Backward();
        ClipGrad.ClipGradNorm(_model.Parameters(), Options.ClipNorm);
        _optimizer.Step();
        _scheduler.Step();
        return value;
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _model.Forward(b.Ids, b.Features, b.Mask);
    }

    /// <summary>
    /// 32 routes with lengths drawn from the real histogram by <paramref name="shapes"/>: token 0 is <c>&lt;CLS&gt;</c> (id 2),
    /// the rest U{3..1132}; features ~ N(0, 1); difficulty ~ N(21, 3.4) (the training routes' mean and std), from <paramref name="data"/>.
    /// </summary>
    private static RouteBatch MakeBatch(ShapeDraw shapes, Generator data, int index)
    {
        var routes = new List<TokenizedRoute>(Batch);
        for (int i = 0; i < Batch; i++)
        {
            int length = shapes.FromHistogram(RouteLengths);
            var ids = new int[length];
            ids[0] = 2;
            for (int t = 1; t < length; t++) ids[t] = 3 + data.NextInt(Vocab - 3);
            var features = new float[length * RouteTokenizer.FeatureCount];
            for (int f = 0; f < features.Length; f++) features[f] = (float)data.NextNormal();
            routes.Add(new TokenizedRoute
            {
                Key = $"synthetic/{index}/{i}", Board = "MOON2016", Angle = 40, Split = SplitName.Train, Tokens = [],
                Ids = ids, Features = features, Difficulty = 21 + 3.4 * data.NextNormal(),
            });
        }
        return RouteBatch.Collate(routes, targetMean: 21.2, targetStd: 3.37);
    }
}
