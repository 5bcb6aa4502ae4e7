using Lib.Torch;
using Lib.Torch.Paragliding;
using Lib.Torch.Training;
using TorchSharp;

namespace Benchmarks.Models;

/// <summary>The TorchSharp side of <see cref="GlideatorNetBenchmark"/>: <see cref="GlideatorNetTwin"/> with the engine
/// model's weights, the same batches, <see cref="GlideatorLossTwin.Total"/>, Adam.</summary>
internal sealed class GlideatorNetTorchBenchmark : ITorchModelBenchmark
{
    private readonly GlideatorNetBenchmark _engine;
    private readonly GlideatorNetTwin _model;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly SiteDayTensors[] _pool;

    public GlideatorNetTorchBenchmark(long seed = 0)
    {
        _engine = new GlideatorNetBenchmark(seed);
        _model = new GlideatorNetTwin(_engine.Network.Config);
        TorchState.CopyToTorch(_engine.Network, _model);
        _optimizer = TorchOptimizers.Mirror(_engine.Optimizer, _engine.Network, _model);
        _pool = [.. _engine.Pool.Select(b => SiteDayTensors.From(b))];
    }

    public IModelBenchmark Engine => _engine;
    public torch.nn.Module Model => _model;

    public float TrainStep(int batch)
    {
        var b = _pool[batch % _pool.Length];
        _optimizer.zero_grad();
        var loss = GlideatorLossTwin.Total(
            _model.forward(b),
            b.Labels,
            _model.parameters(),
            GlideatorNetBenchmark.Options
        );
        float value = loss.item<float>();
        loss.backward();
        _optimizer.step();
        return value;
    }

    public void InferStep(int batch) => _model.forward(_pool[batch % _pool.Length]).sigmoid();
}
