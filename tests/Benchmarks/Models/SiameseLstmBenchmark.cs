using Lib.Splits.Model;
using Lib.Splits.Train;
using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// The split timer's shipped <see cref="SiameseLstm"/> as <see cref="SplitModelTrainer"/> trains the classifier: the
/// default <see cref="SplitsTrainOptions"/> network (compression 128, bidirectional LSTM of 128, post-LSTM 64, MLP
/// interaction, dropout 0.5) on ResNet-18 frame features (512 per frame), batches of 32 pairs of 50-frame clips
/// (<c>SampleOptions.ClipLength</c>); BCE with logits, Adam lr 1e-4. Samples are pairs.
/// </summary>
internal sealed class SiameseLstmBenchmark : IModelBenchmark
{
    internal const int Features = 512, Frames = 50, Batch = 32, PoolSize = 4;
    internal static readonly SplitsTrainOptions Options = new();
    internal static readonly SiameseLstmConfig ModelConfig = Options.ModelConfig(Features);

    private readonly SiameseLstm _model;
    private readonly Adam _optimizer;

    public SiameseLstmBenchmark(long seed = 0)
    {
        _model = new SiameseLstm(ModelConfig, new Generator(seed));
        _optimizer = new Adam(_model.Parameters(), lr: Options.LearningRate);
        var data = new Generator(seed + 1);
        Pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(data))];
    }

    internal (Tensor First, Tensor Second, Tensor Label)[] Pool { get; }
    internal SiameseLstm Network => _model;
    internal Adam Optimizer => _optimizer;

    public string Name => "siamese_lstm";
    public string SampleUnit => "pairs";
    public int BatchSize => Batch;
    public long ExpectedParameters => 362_753;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["model"] = "Lib.Splits.Model.SiameseLstm", ["features"] = Features, ["frames"] = Frames,
        ["compress"] = ModelConfig.CompressSizes, ["hidden"] = ModelConfig.HiddenSize,
        ["bidirectional"] = ModelConfig.Bidirectional, ["post_lstm"] = ModelConfig.PostLstmSizes,
        ["dropout"] = ModelConfig.Dropout, ["optim"] = "Adam(1e-4)", ["loss"] = "BCE",
    };

    public float TrainStep(int batch)
    {
        var (first, second, label) = Pool[batch % PoolSize];
        _optimizer.ZeroGrad();
        var loss = Functional.BinaryCrossEntropyWithLogits(_model.Forward(first, second), label);
        float value = loss.Item();
        loss.Backward();
        _optimizer.Step();
        return value;
    }

    public void InferStep(int batch)
    {
        var (first, second, _) = Pool[batch % PoolSize];
        _model.Forward(first, second).Sigmoid();
    }

    private static (Tensor, Tensor, Tensor) MakeBatch(Generator g) =>
        (
            Tensor.Rand(g, Batch, Frames, Features), // ReLU features: non-negative
            Tensor.Rand(g, Batch, Frames, Features),
            (Tensor.Rand(g, Batch) - 0.5f).Relu().Sign()
        );
}
