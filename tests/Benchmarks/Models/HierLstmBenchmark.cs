using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;
using Lib.Track.Dataset;
using Lib.Track.Model;

namespace Benchmarks.Models;

/// <summary>
/// Track's forecaster as the workflow trains it: <see cref="HierarchicalLstm"/> with the default
/// <see cref="TrackModelConfig"/> (K = 4 seasons of at most L = 32 marks, LSTMs of 32, label embedding 4, layer-norm +
/// linear heads with a shared output layer, dropout 0.2) and 39 event heads (the men's model on the bundled data), on
/// <see cref="TrackBatch"/>es of 64 windows collated by <see cref="TrackBatch.Collate"/>; one step is the
/// <see cref="Lib.Tensors.Training.Trainer{TBatch}"/>'s: ZeroGrad, L1 in z-space, backward, gradient norm clipped at 1,
/// AdamW (lr 1e-3, decay 0.01 on matrices only), as <see cref="Lib.Track.Train.TrackTrainer"/> sets it up.
/// </summary>
internal sealed class HierLstmBenchmark : IModelBenchmark
{
    private const int Events = 39, Batch = 64, PoolSize = 8;
    private const ulong ShapeSeed = 14;

    /// <summary>Input seasons per training window of the bundled men's data (1,504 windows; <c>Windows.Build</c> over the cache).</summary>
    internal static readonly (int Value, int Count)[] SeasonsPerWindow = [(1, 715), (2, 460), (3, 181), (4, 148)];

    /// <summary>Marks per input season of the same windows (at most <see cref="TrackModelConfig.MarksPerSeason"/>; mean 2.95).</summary>
    internal static readonly (int Value, int Count)[] MarksPerSeason =
        [(1, 752), (2, 569), (3, 535), (4, 375), (5, 277), (6, 142), (7, 51), (8, 46), (9, 16), (10, 4), (11, 3)];

    private static readonly TrackModelConfig ModelConfig = new();
    private static readonly Lib.Track.Train.TrackTrainOptions TrainOptions = new();

    private readonly HierarchicalLstm _model;
    private readonly AdamW _optimizer;
    private readonly TrackBatch[] _pool;

    public HierLstmBenchmark(long seed = 0)
    {
        var generator = new Generator(seed);
        _model = new HierarchicalLstm(ModelConfig, Events, generator);
        _optimizer = new AdamW(ParamGroups.DecayAndNoDecay(_model, TrainOptions.WeightDecay), lr: TrainOptions.LearningRate, weightDecay: TrainOptions.WeightDecay);
        var shapes = new ShapeDraw(ShapeSeed);
        var data = new Generator(seed + 1);
        _pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(shapes, data))];
    }

    /// <summary>The network, optimizer and batches (the TorchSharp side copies them).</summary>
    internal HierarchicalLstm Network => _model;
    internal AdamW Optimizer => _optimizer;
    internal TrackBatch[] Pool => _pool;
    internal static double ClipNorm => TrainOptions.ClipNorm;

    public string Name => "hier_lstm";
    public string SampleUnit => "samples";
    public int BatchSize => Batch;
    public long ExpectedParameters => 15_344;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["model"] = "Lib.Track.Model.HierarchicalLstm", ["K"] = ModelConfig.Seasons, ["L"] = ModelConfig.MarksPerSeason,
        ["F"] = WindowEncoder.Features, ["season_hidden"] = ModelConfig.SeasonHidden, ["across_hidden"] = ModelConfig.AcrossHidden,
        ["label_embedding"] = ModelConfig.LabelEmbedding, ["head"] = "layernorm+linear, shared", ["dropout"] = ModelConfig.Dropout,
        ["events"] = Events, ["seq_mode"] = "pack", ["optim"] = "AdamW(1e-3, wd 0.01 on matrices)+clip1.0", ["loss"] = "L1",
        ["pool_seasons_marks"] = _pool.Select(b => new[] { b.Marks.Size(0), b.Marks.Size(1) }).ToArray(),
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad();
        var loss = Functional.L1Loss(_model.Forward(b), b.Target);
        float value = loss.Item();
        loss.Backward();
        ClipGrad.ClipGradNorm(_model.Parameters(), TrainOptions.ClipNorm);
        _optimizer.Step();
        return value;
    }

    public void InferStep(int batch) => _model.Forward(_pool[batch % PoolSize]);

    /// <summary>
    /// 64 windows: seasons per window and marks per season drawn from the real histograms by <paramref name="shapes"/>;
    /// mark features, summary, base and target ~ N(0, 1), labels U{0..2}, events U{0..38}, from <paramref name="data"/>.
    /// </summary>
    private static TrackBatch MakeBatch(ShapeDraw shapes, Generator data)
    {
        var samples = new List<WindowSample>(Batch);
        for (int i = 0; i < Batch; i++)
        {
            int k = shapes.FromHistogram(SeasonsPerWindow);
            var seasons = new List<float[]>(k);
            for (int s = 0; s < k; s++)
                seasons.Add(Normal(data, shapes.FromHistogram(MarksPerSeason) * WindowEncoder.Features));
            var labels = Enumerable.Range(0, k).Select(_ => data.NextInt(HierarchicalLstm.Labels)).ToList();
            samples.Add(new WindowSample(seasons, labels, labels[data.NextInt(k)], data.NextInt(Events), Normal(data, WindowEncoder.SummaryFeatures),
                (float)data.NextNormal(), (float)data.NextNormal()));
        }
        return TrackBatch.Collate(samples, ModelConfig.Seasons);
    }

    private static float[] Normal(Generator generator, int n)
    {
        var values = new float[n];
        for (int i = 0; i < n; i++) values[i] = (float)generator.NextNormal();
        return values;
    }
}
