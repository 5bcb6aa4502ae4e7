using System.Text.Json;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Five optimizer steps on w0 [3,4], b0 [3], w1 [2,3], ln.weight [4] against PyTorch 1.13, with clipping where configured.</summary>
public class OptimGoldenTests
{
    private static readonly string[] ParamNames = ["w0", "b0", "w1", "ln.weight"];

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
        var f = Fixtures.Load(caseName);
        var cfg = f.Config;
        var ps = ParamNames.ToDictionary(n => n, n => f.Float($"param.{n}").RequireGrad());

        // Groups as configured: a list of names (one group) or of {"params": [...], overrides}.
        List<ParamGroup> groups = cfg.Json.GetProperty("params")[0].ValueKind == JsonValueKind.String
            ? [new ParamGroup(cfg.Strings("params").Select(n => ps[n]))]
            : [.. cfg.Objects("params").Select(g => new ParamGroup(g.Strings("params").Select(n => ps[n]))
            {
                WeightDecay = g.DoubleOrNull("weight_decay"),
                LearningRate = g.DoubleOrNull("lr"),
            })];
        var location = new Dictionary<string, (int Group, int Index)>();
        for (int g = 0; g < groups.Count; g++)
            for (int i = 0; i < groups[g].Parameters.Count; i++)
                location[ps.First(kv => ReferenceEquals(kv.Value, groups[g].Parameters[i])).Key] = (g, i);

        double lr = cfg.Double("lr");
        Optimizer opt = f.Op switch
        {
            "optim.SGD" => new SGD(groups, lr, momentum: cfg.Double("momentum", 0), dampening: cfg.Double("dampening", 0),
                weightDecay: cfg.Double("weight_decay", 0), nesterov: cfg.Bool("nesterov", false)),
            "optim.Adam" => new Adam(groups, lr, weightDecay: cfg.Double("weight_decay", 0)),
            "optim.AdamW" => new AdamW(groups, lr, weightDecay: cfg.Double("weight_decay", 0.01)),
            var op => throw new NotSupportedException($"{caseName}: unexpected op {op}"),
        };
        var all = ParamNames.Select(name => ps[name]).ToList();

        for (int s = 0; s < 5; s++)
        {
            foreach (var name in ParamNames) ps[name].Grad = f.Float($"step{s}.grad.{name}");
            if (cfg.Has("clip_grad_norm_"))
            {
                var clip = cfg.Object("clip_grad_norm_");
                double total = ClipGrad.ClipGradNorm(all, clip.Double("max_norm"), clip.Double("norm_type"));
                Assert.Equal(f.Float($"step{s}.total_norm").Item(), total, 5);
            }
            if (cfg.Has("clip_grad_value_"))
                ClipGrad.ClipGradValue(all, cfg.Object("clip_grad_value_").Double("clip_value"));
            foreach (var name in ParamNames)
                if (f.Has($"step{s}.clipped.{name}")) f.AssertClose($"step{s}.clipped.{name}", ps[name].Grad, Tolerance.Default);
            opt.Step();
            foreach (var name in ParamNames)
                f.AssertClose($"step{s}.param.{name}", ps[name], Tolerance.Default);
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
            f.AssertClose(key, state[ours], Tolerance.Default);
        }
    }
}
