using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// Paragliding's shipped <see cref="GlideatorNet"/> as <see cref="GlideatorTrainer"/> trains it: the default
/// <see cref="ParaglidingTrainOptions"/> network (embedding 8, 2 cross layers, parallel deep 32, deep 64-32, the
/// multilabel head of 9 thresholds) over the bundled data's widths (248 sites of <c>glideator/sites.csv</c>,
/// <see cref="SiteFeatures"/>, <see cref="DateFeatures"/>, Glideator's 77 weather variables at 09, 12 and 15 h), on
/// batches of 256 site-days; the loss is <see cref="GlideatorLoss"/> (BCE · K + monotonicity + L1 + L2), Adam lr 3e-3.
/// </summary>
internal sealed class GlideatorNetBenchmark : IModelBenchmark
{
    internal const int Sites = 248, WeatherVariables = 77, Batch = 256, PoolSize = 4;
    internal static readonly ParaglidingTrainOptions Options = new();
    internal static readonly GlideatorNetConfig ModelConfig = Options.ModelConfig(
        Sites,
        SiteFeatures.Names.Count,
        DateFeatures.Names.Count,
        WeatherVariables
    );

    private readonly GlideatorNet _model;
    private readonly Adam _optimizer;

    public GlideatorNetBenchmark(long seed = 0)
    {
        _model = new GlideatorNet(ModelConfig, new Generator(seed));
        _optimizer = new Adam(_model.Parameters(), lr: Options.LearningRate);
        var data = new Generator(seed + 1);
        Pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(data))];
    }

    internal SiteDayBatch[] Pool { get; }
    internal GlideatorNet Network => _model;
    internal Adam Optimizer => _optimizer;

    public string Name => "glideator_net";
    public string SampleUnit => "samples";
    public int BatchSize => Batch;
    public long ExpectedParameters => 57_681;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["model"] = "Lib.Paragliding.Model.GlideatorNet", ["sites"] = Sites, ["slice_input"] = ModelConfig.SliceInput,
        ["time_slices"] = ModelConfig.TimeSlices, ["cross_layers"] = ModelConfig.CrossLayers,
        ["parallel_deep"] = ModelConfig.ParallelDeep, ["deep"] = ModelConfig.Deep, ["head"] = ModelConfig.Head,
        ["targets"] = ModelConfig.NumTargets, ["optim"] = "Adam(3e-3)", ["loss"] = "BCE*K+monotonicity+L1+L2",
    };

    public float TrainStep(int batch)
    {
        var b = Pool[batch % PoolSize];
        _optimizer.ZeroGrad();
        var step = GlideatorLoss.Step(_model.Forward(b), b.Labels, _model.Parameters(), Options);
        var loss = (step.Auxiliary?.Values ?? []).Aggregate(step.Loss, (a, t) => a + t);
        float value = loss.Item();
        loss.Backward();
        _optimizer.Step();
        return value;
    }

    public void InferStep(int batch) => _model.Forward(Pool[batch % PoolSize]).Sigmoid();

    private static SiteDayBatch MakeBatch(Generator g)
    {
        var sites = Tensor.Rand(g, Batch).ToArray().Select(u => Math.Min((int)(u * Sites), Sites - 1)).ToArray();
        return new SiteDayBatch(
            IndexTensor.FromArray(sites, Batch),
            Tensor.Randn(g, Batch, ModelConfig.SiteFeatures),
            Tensor.Rand(g, Batch, ModelConfig.DateFeatures),
            Tensor.Randn(g, Batch, 3 * WeatherVariables),
            (Tensor.Rand(g, Batch, ModelConfig.NumTargets) - 0.6f).Relu().Sign()
        );
    }
}
