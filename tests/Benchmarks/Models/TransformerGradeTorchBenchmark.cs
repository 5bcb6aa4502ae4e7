using Lib.Tensors.Optim.Schedulers;
using Lib.Torch.Climbing;
using Lib.Torch.Training;
using TorchSharp;

namespace Benchmarks.Models;

/// <summary>The TorchSharp side of <see cref="TransformerGradeBenchmark"/>: climbing's
/// <see cref="GradeTransformerTwin"/> with the engine model's weights, the same batches (<see cref="TorchRouteBatch"/>),
/// MSE, the mirrored AdamW, clipping at 1, and the same warm-up + cosine schedule per step (TorchSharp's
/// <c>LambdaLR</c> with <see cref="CosineWithWarmup.Factor"/>).</summary>
internal sealed class TransformerGradeTorchBenchmark : ITorchModelBenchmark
{
    private readonly TransformerGradeBenchmark _engine;
    private readonly GradeTransformerTwin _model;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly torch.optim.lr_scheduler.LRScheduler _scheduler;
    private readonly TorchRouteBatch[] _pool;

    public TransformerGradeTorchBenchmark(long seed = 0)
    {
        _engine = new TransformerGradeBenchmark(seed);
        _model = GradeTransformerTwin.Of(_engine.Network);
        _optimizer = TorchOptimizers.Mirror(_engine.Optimizer, _engine.Network, _model);
        var s = _engine.Scheduler;
        _scheduler = torch.optim.lr_scheduler.LambdaLR(
            _optimizer,
            step => CosineWithWarmup.Factor(step, s.NumWarmupSteps, s.NumTrainingSteps, s.NumCycles)
        );
        _pool = [.. _engine.Pool.Select(b => TorchRouteBatch.From(b, torch.CPU))];
    }

    public IModelBenchmark Engine => _engine;
    public torch.nn.Module Model => _model;

    public float TrainStep(int batch)
    {
        var b = _pool[batch % _pool.Length];
        _optimizer.zero_grad();
        var loss = torch.nn.functional.mse_loss(_model.forward(b), b.Target);
        float value = loss.item<float>();
        loss.backward();
        torch.nn.utils.clip_grad_norm_(_model.parameters(), TransformerGradeBenchmark.ClipNorm);
        _optimizer.step();
        _scheduler.step();
        return value;
    }

    public void InferStep(int batch) => _model.forward(_pool[batch % _pool.Length]);
}
