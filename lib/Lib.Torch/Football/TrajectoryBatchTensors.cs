using Lib.Football.Dataset;
using static TorchSharp.torch;

namespace Lib.Torch.Football;

/// <summary>
/// A <see cref="TrajectoryBatch"/> as TorchSharp tensors on one device: the model's inputs (frames, positions,
/// velocity, the graph) and the training targets (targets [nodes, horizon, 2], their mask, the coverage labels and
/// their mask [scenes]). Dispose it to free the tensors.
/// </summary>
public sealed record TrajectoryBatchTensors(
    SceneGraphTensors Graph,
    Tensor Frames,
    Tensor Positions,
    Tensor Velocity,
    Tensor Targets,
    Tensor TargetMask,
    Tensor CoverageLabels,
    Tensor CoverageMask
) : IDisposable
{
    /// <summary>Copies <paramref name="batch"/> to <paramref name="device"/> (the CPU when null).</summary>
    public static TrajectoryBatchTensors From(TrajectoryBatch batch, Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Tensor Move(Lib.Tensors.Tensor t)
        {
            var cpu = TorchState.ToTorch(t);
            if (device is null || device.type == TorchSharp.DeviceType.CPU)
                return cpu;
            using (cpu)
                return cpu.to(device);
        }
        return new TrajectoryBatchTensors(
            SceneGraphTensors.From(batch.Graph, device),
            Move(batch.Frames),
            Move(batch.Positions),
            Move(batch.Velocity),
            Move(batch.Targets),
            Move(batch.TargetMask),
            Move(batch.CoverageLabels),
            Move(batch.CoverageMask)
        );
    }

    /// <summary>The batch with the model's float inputs (frames, positions, velocity) as <paramref name="type"/>, for
    /// mixed precision; the graph's indices stay int64 (the twin reads its scene sizes in the working type), and the
    /// targets, coverage labels and masks stay float32 for the loss.</summary>
    public TrajectoryBatchTensors ToWorkingType(ScalarType type) =>
        this with
        {
            Frames = Frames.to(type),
            Positions = Positions.to(type),
            Velocity = Velocity.to(type),
        };

    /// <inheritdoc/>
    public void Dispose()
    {
        Graph.Dispose();
        Frames.Dispose();
        Positions.Dispose();
        Velocity.Dispose();
        Targets.Dispose();
        TargetMask.Dispose();
        CoverageLabels.Dispose();
        CoverageMask.Dispose();
    }
}
