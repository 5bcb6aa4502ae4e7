using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Paragliding.Train;
using Lib.Torch.Training;
using Lib.Workflow;
using TorchSharp;

namespace Lib.Torch.Paragliding;

/// <summary>
/// The XC-odds network's training loop on its twin (<see cref="GlideatorNetTwin"/>), for
/// <see cref="GlideatorTrainer.Train"/>'s <c>fit</c> argument: the same step as <see cref="GlideatorLoss.Step"/> (the
/// BCE, and the weighted <c>monotonicity</c>, <c>l1</c> and <c>l2</c> terms under the engine's names, the penalties
/// over the twin's parameters), the job's per-epoch exponential schedule, validation on the device.
/// </summary>
public static class TorchGlideatorFit
{
    /// <summary>The strategy on <paramref name="device"/> (<c>torch-cpu</c> or <c>cuda</c>).</summary>
    public static IFitStrategy<GlideatorNet, SiteDayBatch, ParaglidingTrainOptions> On(ComputeDevice device) =>
        new TorchFit<GlideatorNet, GlideatorNetTwin, SiteDayBatch, SiteDayTensors, ParaglidingTrainOptions>(
            device,
            Twin,
            (batch, target) => SiteDayTensors.From(batch, target),
            Step,
            (twin, batch) => twin.forward(batch)
        )
        {
            ToWorkingType = (batch, type) => batch.ToWorkingType(type),
        };

    /// <summary>The strategy for <paramref name="device"/>: the engine's for <c>cpu</c>, the twin's
    /// otherwise.</summary>
    public static IFitStrategy<GlideatorNet, SiteDayBatch, ParaglidingTrainOptions> For(ComputeDevice device) =>
        device.UsesTorch ? On(device) : GlideatorTrainer.Engine;

    /// <summary>The twin of <paramref name="network"/>, with its weights.</summary>
    public static GlideatorNetTwin Twin(GlideatorNet network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var twin = new GlideatorNetTwin(network.Config);
        TorchState.CopyToTorch(network, twin);
        return twin;
    }

    /// <summary>One training step's BCE and weighted penalties, as <see cref="GlideatorLoss.Step"/>. The logits and
    /// the parameters are read as float32, so a mixed-precision twin's loss and penalties sum in float32.</summary>
    public static TorchStepOutput Step(GlideatorNetTwin twin, SiteDayTensors b, ParaglidingTrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(twin);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(options);
        var logits = twin.forward(b).to(torch.float32);
        var auxiliary = new Dictionary<string, torch.Tensor>();
        if (options.Monotonicity > 0 && logits.shape[1] > 1)
            auxiliary["monotonicity"] = TorchWeights.Times(
                GlideatorLossTwin.Monotonicity(logits),
                options.Monotonicity
            );
        if (options.L1 > 0 || options.L2 > 0)
        {
            torch.Tensor? l1 = null,
                l2 = null;
            foreach (var working in twin.parameters())
            {
                var p = working.to(torch.float32);
                if (options.L1 > 0)
                    l1 = l1 is null ? p.abs().sum() : l1 + p.abs().sum();
                if (options.L2 > 0)
                    l2 = l2 is null ? (p * p).sum() : l2 + (p * p).sum();
            }
            if (l1 is not null)
                auxiliary["l1"] = TorchWeights.Times(l1, options.L1);
            if (l2 is not null)
                auxiliary["l2"] = TorchWeights.Times(l2, options.L2);
        }
        return new TorchStepOutput(GlideatorLossTwin.Bce(logits, b.Labels), auxiliary);
    }
}
