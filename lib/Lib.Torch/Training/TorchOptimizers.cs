using TorchSharp;
using TorchSharp.Modules;
using EngineAdam = Lib.Tensors.Optim.Adam;
using EngineAdamW = Lib.Tensors.Optim.AdamW;
using EngineModule = Lib.Tensors.NN.Module;
using EngineOptimizer = Lib.Tensors.Optim.Optimizer;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch.Training;

/// <summary>
/// Builds the TorchSharp optimizer that matches an engine optimizer, for a twin: the same kind (Adam or AdamW), the
/// same parameter groups (each engine parameter found in the twin by its state-dict key) and each group's
/// learning rate, betas, eps and weight decay. A workflow keeps choosing its groups and settings in one place (its
/// engine trainer's code, e.g. <see cref="Lib.Tensors.Optim.ParamGroups.DecayAndNoDecay"/>) and the twin trains
/// with the same ones.
/// </summary>
public static class TorchOptimizers
{
    /// <summary>The TorchSharp optimizer of <paramref name="twin"/> that mirrors <paramref name="optimizer"/> over
    /// <paramref name="model"/>.</summary>
    /// <exception cref="NotSupportedException">An engine optimizer other than Adam or AdamW.</exception>
    /// <exception cref="ArgumentException">A parameter of a group that is not in <paramref name="model"/>, or a key the
    /// twin lacks.</exception>
    public static torch.optim.Optimizer Mirror(EngineOptimizer optimizer, EngineModule model, TorchModule twin)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(twin);
        if (optimizer is not EngineAdam adam)
            throw new NotSupportedException(
                $"The twins' trainer mirrors Adam and AdamW; {optimizer.GetType().Name} has no TorchSharp mirror here."
            );
        var names = new Dictionary<Lib.Tensors.Tensor, string>(ReferenceEqualityComparer.Instance);
        foreach (var (name, parameter) in model.NamedParameters())
            names[parameter] = name;
        var twinParameters = twin.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        List<Parameter> Find(IEnumerable<Lib.Tensors.Tensor> parameters) =>
        [
            .. parameters.Select(p =>
                names.TryGetValue(p, out var key)
                    ? twinParameters.TryGetValue(key, out var found)
                        ? found
                        : throw new ArgumentException($"The twin {twin.GetType().Name} has no parameter '{key}'.")
                    : throw new ArgumentException("An optimizer parameter is not a parameter of the engine model.")
            ),
        ];
        bool decoupled = optimizer is EngineAdamW;
        var groups = optimizer.ParamGroups;
        if (decoupled)
            return torch.optim.AdamW(
                groups.Select(g =>
                {
                    var (b1, b2) = g.Betas ?? (0.9, 0.999);
                    return new AdamW.ParamGroup(
                        Find(g.Parameters),
                        g.LearningRate ?? 1e-3,
                        b1,
                        b2,
                        g.Eps ?? 1e-8,
                        g.WeightDecay ?? 0,
                        adam.Amsgrad
                    );
                })
            );
        return torch.optim.Adam(
            groups.Select(g =>
            {
                var (b1, b2) = g.Betas ?? (0.9, 0.999);
                return new Adam.ParamGroup(
                    Find(g.Parameters),
                    g.LearningRate ?? 1e-3,
                    b1,
                    b2,
                    g.Eps ?? 1e-8,
                    g.WeightDecay ?? 0,
                    adam.Amsgrad
                );
            })
        );
    }
}
