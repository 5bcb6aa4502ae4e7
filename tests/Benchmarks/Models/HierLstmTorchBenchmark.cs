using Lib.Torch.Track;
using Lib.Torch.Training;
using TorchSharp;

namespace Benchmarks.Models;

/// <summary>The TorchSharp side of <see cref="HierLstmBenchmark"/>: track's <see cref="HierarchicalLstmTwin"/> with
/// the engine model's weights, the same batches (<see cref="TorchTrackBatch"/>), L1, the mirrored AdamW, clipping at
/// 1.</summary>
internal sealed class HierLstmTorchBenchmark : ITorchModelBenchmark
{
    private readonly HierLstmBenchmark _engine;
    private readonly HierarchicalLstmTwin _model;
    private readonly torch.optim.Optimizer _optimizer;
    private readonly TorchTrackBatch[] _pool;

    public HierLstmTorchBenchmark(long seed = 0)
    {
        _engine = new HierLstmBenchmark(seed);
        _model = HierarchicalLstmTwin.Of(_engine.Network);
        _optimizer = TorchOptimizers.Mirror(_engine.Optimizer, _engine.Network, _model);
        _pool = [.. _engine.Pool.Select(b => TorchTrackBatch.From(b, torch.CPU))];
    }

    public IModelBenchmark Engine => _engine;
    public torch.nn.Module Model => _model;

    public float TrainStep(int batch)
    {
        var b = _pool[batch % _pool.Length];
        _optimizer.zero_grad();
        var loss = torch.nn.functional.l1_loss(_model.forward(b), b.Target);
        float value = loss.item<float>();
        loss.backward();
        torch.nn.utils.clip_grad_norm_(_model.parameters(), HierLstmBenchmark.ClipNorm);
        _optimizer.step();
        return value;
    }

    public void InferStep(int batch) => _model.forward(_pool[batch % _pool.Length]);
}
