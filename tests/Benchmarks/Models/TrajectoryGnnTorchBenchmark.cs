using Lib.Torch;
using Lib.Torch.Football;
using Lib.Torch.Training;
using TorchSharp;

namespace Benchmarks.Models;

/// <summary>The TorchSharp side of <see cref="TrajectoryGnnBenchmark"/>: <see cref="TrajectoryGnnTwin"/> with the
/// engine model's weights, the same batches, <see cref="TrajectoryLossTwin.Total"/> (the same loss), AdamW with decay
/// on matrices only, clipping at 1.</summary>
internal sealed class TrajectoryGnnTorchBenchmark : ITorchModelBenchmark
{
    private readonly TrajectoryGnnBenchmark _engine;
    private readonly TrajectoryGnnTwin _model;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly TrajectoryBatchTensors[] _pool;

    public TrajectoryGnnTorchBenchmark(long seed = 0)
    {
        _engine = new TrajectoryGnnBenchmark(seed);
        _model = new TrajectoryGnnTwin(_engine.Network.Config);
        TorchState.CopyToTorch(_engine.Network, _model);
        _optimizer = TorchOptimizers.Mirror(_engine.Optimizer, _engine.Network, _model);
        _pool = [.. _engine.Pool.Select(b => TrajectoryBatchTensors.From(b))];
    }

    public IModelBenchmark Engine => _engine;
    public torch.nn.Module Model => _model;

    public float TrainStep(int batch)
    {
        var b = _pool[batch % _pool.Length];
        _optimizer.zero_grad();
        var loss = TrajectoryLossTwin.Total(
            _model.forward(b.Frames, b.Positions, b.Velocity, b.Graph),
            b,
            _engine.Options
        );
        float value = loss.item<float>();
        loss.backward();
        torch.nn.utils.clip_grad_norm_(_model.parameters(), _engine.Options.ClipNorm);
        _optimizer.step();
        return value;
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % _pool.Length];
        _model.forward(b.Frames, b.Positions, b.Velocity, b.Graph).CoverageLogit.sigmoid();
    }
}
