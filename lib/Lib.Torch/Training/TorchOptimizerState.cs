using Lib.Torch;
using TorchSharp;
using TorchSharp.Modules;
using EngineTensor = Lib.Tensors.Tensor;

namespace Lib.Torch.Training;

/// <summary>
/// A TorchSharp Adam or AdamW optimizer's state as engine tensors, keyed as the engine's optimizers key theirs
/// (<c>group.index.name</c>: <c>0.2.step</c> (a 0-dim count), <c>0.2.exp_avg</c>, <c>0.2.exp_avg_sq</c>, and
/// <c>0.2.max_exp_avg_sq</c> with AMSGrad), so a checkpoint holds the same optimizer entries on either side. A
/// parameter that has not been updated yet (step 0) has no entries, as on the engine.
/// </summary>
public static class TorchOptimizerState
{
    /// <summary>The optimizer's state as engine tensors (copied to the CPU).</summary>
    /// <exception cref="NotSupportedException">An optimizer other than Adam or AdamW.</exception>
    public static Dictionary<string, EngineTensor> StateDict(torch.optim.Optimizer optimizer)
    {
        var result = new Dictionary<string, EngineTensor>(StringComparer.Ordinal);
        foreach (var (key, moments) in Entries(optimizer))
        {
            if (moments.Step == 0)
                continue;
            result[$"{key}.step"] = EngineTensor.Scalar(moments.Step);
            result[$"{key}.exp_avg"] = TorchState.ToEngine(moments.ExpAvg);
            result[$"{key}.exp_avg_sq"] = TorchState.ToEngine(moments.ExpAvgSq);
            if (moments.MaxExpAvgSq is { } max)
                result[$"{key}.max_exp_avg_sq"] = TorchState.ToEngine(max);
        }
        return result;
    }

    /// <summary>Replaces the optimizer's state with <paramref name="state"/> (as written by <see cref="StateDict"/> or
    /// the engine's Adam/AdamW); a parameter without entries starts again from step 0.</summary>
    /// <exception cref="ArgumentException">A key names no parameter or state, or a shape differs.</exception>
    public static void LoadStateDict(torch.optim.Optimizer optimizer, IReadOnlyDictionary<string, EngineTensor> state)
    {
        var entries = Entries(optimizer);
        var known = new HashSet<string>(StringComparer.Ordinal);
        using var _ = torch.no_grad();
        foreach (var (key, moments) in entries)
        {
            foreach (var name in new[] { "step", "exp_avg", "exp_avg_sq", "max_exp_avg_sq" })
                known.Add($"{key}.{name}");
            if (!state.TryGetValue($"{key}.step", out var step))
            {
                moments.SetStep(0);
                moments.ExpAvg.zero_();
                moments.ExpAvgSq.zero_();
                moments.MaxExpAvgSq?.zero_();
                continue;
            }
            moments.SetStep((long)Math.Round(step.ToArray()[0]));
            Copy(moments.ExpAvg, state, $"{key}.exp_avg");
            Copy(moments.ExpAvgSq, state, $"{key}.exp_avg_sq");
            if (moments.MaxExpAvgSq is { } max)
                Copy(max, state, $"{key}.max_exp_avg_sq");
        }
        var unknown = state.Keys.Where(k => !known.Contains(k)).ToList();
        if (unknown.Count > 0)
            throw new ArgumentException(
                $"Optimizer state keys [{string.Join(", ", unknown)}] name no parameter or state of the "
                    + $"{optimizer.GetType().Name} (keys are group.index.step|exp_avg|exp_avg_sq|max_exp_avg_sq)."
            );
    }

    private static void Copy(torch.Tensor target, IReadOnlyDictionary<string, EngineTensor> state, string key)
    {
        if (!state.TryGetValue(key, out var source))
            throw new ArgumentException($"Optimizer state key '{key}' is missing (its step count is present).");
        var shape = target.shape.Select(d => (int)d).ToArray();
        if (!source.Shape.SequenceEqual(shape))
            throw new ArgumentException(
                $"Optimizer state key '{key}': shape [{string.Join(", ", source.Shape)}] does not match the "
                    + $"parameter's [{string.Join(", ", shape)}]."
            );
        using var values = TorchState.ToTorch(source);
        target.copy_(values);
    }

    private sealed record Moments(
        long Step,
        torch.Tensor ExpAvg,
        torch.Tensor ExpAvgSq,
        torch.Tensor? MaxExpAvgSq,
        Action<long> SetStep
    );

    /// <summary>Each parameter's moments keyed <c>group.index</c>, in the optimizer's group and parameter
    /// order.</summary>
    private static List<(string Key, Moments Moments)> Entries(torch.optim.Optimizer optimizer)
    {
        if (optimizer is not OptimizerHelper helper)
            throw new NotSupportedException($"{optimizer.GetType().Name} keeps no state this class can read.");
        var dict = helper.state_dict();
        var result = new List<(string, Moments)>();
        for (int g = 0; g < dict.StateIndexRef.Count; g++)
            for (int i = 0; i < dict.StateIndexRef[g].Count; i++)
            {
                var s = dict.State[dict.StateIndexRef[g][i]];
                Moments moments = s switch
                {
                    AdamW.State w => new(w.step, w.exp_avg, w.exp_avg_sq, w.max_exp_avg_sq, v => w.step = v),
                    Adam.State a => new(a.step, a.exp_avg, a.exp_avg_sq, a.max_exp_avg_sq, v => a.step = v),
                    _ => throw new NotSupportedException(
                        $"Optimizer state of type {s.GetType().FullName} is not supported: the twins' trainer "
                            + "checkpoints Adam and AdamW."
                    ),
                };
                result.Add(($"{g}.{i}", moments));
            }
        return result;
    }
}
