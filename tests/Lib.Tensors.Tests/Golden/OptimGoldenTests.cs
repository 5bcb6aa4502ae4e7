using System.Text.Json;
using Lib.Tensors.Optim;
using static Lib.Tensors.Tests.Golden.NnFixtures;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Five optimizer steps on w0 [3,4], b0 [3], w1 [2,3], ln.weight [4] against PyTorch 1.13, with clipping where configured.</summary>
public class OptimGoldenTests
{
    private static readonly string[] ParamNames = ["w0", "b0", "w1", "ln.weight"];

    private static double? Number(JsonElement o, string name) => o.TryGetProperty(name, out var v) ? v.GetDouble() : null;

    [Theory]
    [InlineData("optim_sgd")]
    [InlineData("optim_sgd_momentum")]
    [InlineData("optim_sgd_nesterov_wd")]
    [InlineData("optim_sgd_clip_value")]
    [InlineData("optim_adam")]
    [InlineData("optim_adam_l2")]
    [InlineData("optim_adamw")]
    [InlineData("optim_adamw_groups")]
    [InlineData("optim_adamw_clip_norm")]
    public void Optimizer_steps_match_pytorch(string caseName)
    {
        var f = Load(caseName);
        var cfg = f.Config;
        var ps = ParamNames.ToDictionary(n => n, n => f.Tensor($"param.{n}").RequireGrad());

        // Groups as configured: a list of names (one group) or of {"params": [...], overrides}.
        var groups = new List<ParamGroup>();
        var location = new Dictionary<string, (int Group, int Index)>();
        var spec = cfg.GetProperty("params");
        if (spec[0].ValueKind == JsonValueKind.String)
            groups.Add(new ParamGroup(spec.EnumerateArray().Select(n => ps[n.GetString()!])));
        else
            foreach (var g in spec.EnumerateArray())
                groups.Add(new ParamGroup(g.GetProperty("params").EnumerateArray().Select(n => ps[n.GetString()!]))
                {
                    WeightDecay = Number(g, "weight_decay"),
                    LearningRate = Number(g, "lr"),
                });
        for (int g = 0; g < groups.Count; g++)
            for (int i = 0; i < groups[g].Parameters.Count; i++)
                location[ps.First(kv => ReferenceEquals(kv.Value, groups[g].Parameters[i])).Key] = (g, i);

        double lr = Number(cfg, "lr")!.Value, wd = Number(cfg, "weight_decay") ?? -1;
        Optimizer opt = f.Metadata["op"] switch
        {
            "optim.SGD" => new SGD(groups, lr, momentum: Number(cfg, "momentum") ?? 0, dampening: Number(cfg, "dampening") ?? 0,
                weightDecay: Math.Max(wd, 0), nesterov: cfg.TryGetProperty("nesterov", out var n) && n.GetBoolean()),
            "optim.Adam" => new Adam(groups, lr, weightDecay: wd < 0 ? 0 : wd),
            "optim.AdamW" => new AdamW(groups, lr, weightDecay: wd < 0 ? 0.01 : wd),
            var op => throw new NotSupportedException(op),
        };
        var all = ParamNames.Select(name => ps[name]).ToList();

        for (int s = 0; s < 5; s++)
        {
            foreach (var name in ParamNames) ps[name].Grad = f.Tensor($"step{s}.grad.{name}");
            if (cfg.TryGetProperty("clip_grad_norm_", out var clip))
            {
                double total = ClipGrad.ClipGradNorm(all, clip.GetProperty("max_norm").GetDouble(), clip.GetProperty("norm_type").GetDouble());
                Assert.Equal(f.Tensor($"step{s}.total_norm").Item(), total, 5);
            }
            if (cfg.TryGetProperty("clip_grad_value_", out var clipValue))
                ClipGrad.ClipGradValue(all, clipValue.GetProperty("clip_value").GetDouble());
            foreach (var name in ParamNames)
                if (f.Has($"step{s}.clipped.{name}")) AssertClose(f.Tensor($"step{s}.clipped.{name}"), ps[name].Grad!, $"{caseName} step {s} clipped {name}");
            opt.Step();
            foreach (var name in ParamNames)
                AssertClose(f.Tensor($"step{s}.param.{name}"), ps[name], $"{caseName} step {s} {name}");
        }

        var state = opt.StateDict();
        var expected = f.Names.Where(k => k.StartsWith("state.", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Count, state.Count);
        foreach (var key in expected)
        {
            var name = ParamNames.Single(p => key.StartsWith($"state.{p}.", StringComparison.Ordinal));
            var (g, i) = location[name];
            var ours = $"{g}.{i}.{key[$"state.{name}.".Length..]}";
            Assert.True(state.ContainsKey(ours), $"{caseName}: no optimizer state '{ours}' for PyTorch's {key}");
            AssertClose(f.Tensor(key), state[ours], $"{caseName} {key}");
        }
    }
}
