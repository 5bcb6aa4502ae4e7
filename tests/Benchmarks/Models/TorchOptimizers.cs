using TorchSharp;
using TorchSharp.Modules;

namespace Benchmarks.Models;

/// <summary>The engine's optimizer set-ups in TorchSharp.</summary>
internal static class TorchOptimizers
{
    /// <summary>AdamW with weight decay on matrices only (parameters of two or more dimensions), as the engine's
    /// <c>ParamGroups.DecayAndNoDecay</c> sets it up.</summary>
    public static torch.optim.Optimizer AdamWOnMatrices(torch.nn.Module model, double lr, double weightDecay)
    {
        var parameters = model.parameters().ToList();
        var decay = parameters.Where(p => p.dim() >= 2).ToList();
        var rest = parameters.Where(p => p.dim() < 2).ToList();
        return torch.optim.AdamW(
            [
                new AdamW.ParamGroup(decay, new AdamW.Options { weight_decay = weightDecay }),
                new AdamW.ParamGroup(rest, new AdamW.Options { weight_decay = 0 }),
            ],
            lr
        );
    }
}
