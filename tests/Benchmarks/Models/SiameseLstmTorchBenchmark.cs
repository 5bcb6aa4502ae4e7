using Lib.Torch;
using Lib.Torch.Splits;
using Lib.Torch.Training;
using TorchSharp;

namespace Benchmarks.Models;

/// <summary>The TorchSharp side of <see cref="SiameseLstmBenchmark"/>: <see cref="SiameseLstmTwin"/> with the engine
/// model's weights, the same batches, BCE with logits, Adam; dropout on in training, as on the engine.</summary>
internal sealed class SiameseLstmTorchBenchmark : ITorchModelBenchmark
{
    private readonly SiameseLstmBenchmark _engine;
    private readonly SiameseLstmTwin _model;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly (torch.Tensor First, torch.Tensor Second, torch.Tensor Label)[] _pool;

    public SiameseLstmTorchBenchmark(long seed = 0)
    {
        _engine = new SiameseLstmBenchmark(seed);
        _model = new SiameseLstmTwin(_engine.Network.Config);
        TorchState.CopyToTorch(_engine.Network, _model);
        _optimizer = TorchOptimizers.Mirror(_engine.Optimizer, _engine.Network, _model);
        _pool =
        [
            .. _engine.Pool.Select(b =>
                (TorchState.ToTorch(b.First), TorchState.ToTorch(b.Second), TorchState.ToTorch(b.Label))
            ),
        ];
    }

    public IModelBenchmark Engine => _engine;
    public torch.nn.Module Model => _model;

    public float TrainStep(int batch)
    {
        var (first, second, label) = _pool[batch % _pool.Length];
        _optimizer.zero_grad();
        var loss = torch.nn.functional.binary_cross_entropy_with_logits(_model.forward(first, second), label);
        float value = loss.item<float>();
        loss.backward();
        _optimizer.step();
        return value;
    }

    public void InferStep(int batch)
    {
        var (first, second, _) = _pool[batch % _pool.Length];
        _model.forward(first, second).sigmoid();
    }
}
