using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;
using static Lib.Tensors.Tests.Golden.NnFixtures;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Twelve steps of each schedule against PyTorch 1.13: lrs[s] is the rate used by optimizer step s.</summary>
public class SchedulerGoldenTests
{
    [Theory]
    [InlineData("sched_steplr")]
    [InlineData("sched_exponentiallr")]
    [InlineData("sched_cosine_warmup")]
    [InlineData("sched_onecycle")]
    [InlineData("sched_reduce_on_plateau")]
    public void Schedule_matches_pytorch(string caseName)
    {
        var f = Load(caseName);
        var cfg = f.Config;
        var optCfg = cfg.GetProperty("optimizer");
        var p = Tensor.Zeros(2).RequireGrad();
        var opt = new SGD([p], lr: optCfg.GetProperty("lr").GetDouble(), momentum: optCfg.TryGetProperty("momentum", out var m) ? m.GetDouble() : 0);
        LRScheduler? schedule = null;
        ReduceLROnPlateau? plateau = null;
        switch (f.Metadata["op"])
        {
            case "optim.lr_scheduler.StepLR": schedule = new StepLR(opt, cfg.GetProperty("step_size").GetInt32(), cfg.GetProperty("gamma").GetDouble()); break;
            case "optim.lr_scheduler.ExponentialLR": schedule = new ExponentialLR(opt, cfg.GetProperty("gamma").GetDouble()); break;
            case "optim.lr_scheduler.LambdaLR":
                var l = cfg.GetProperty("lr_lambda");
                Assert.Equal("cosine_with_warmup", l.GetProperty("name").GetString());
                schedule = new CosineWithWarmup(opt, l.GetProperty("num_warmup_steps").GetInt32(), l.GetProperty("num_training_steps").GetInt32(), l.GetProperty("num_cycles").GetDouble());
                break;
            case "optim.lr_scheduler.OneCycleLR": schedule = new OneCycleLR(opt, cfg.GetProperty("max_lr").GetDouble(), cfg.GetProperty("total_steps").GetInt32()); break;
            case "optim.lr_scheduler.ReduceLROnPlateau":
                plateau = new ReduceLROnPlateau(opt, cfg.GetProperty("mode").GetString()!, cfg.GetProperty("factor").GetDouble(), cfg.GetProperty("patience").GetInt32());
                break;
            default: throw new NotSupportedException(f.Metadata["op"]);
        }

        var expected = f.Tensor("lrs").ToArray();
        var metrics = f.Has("metrics") ? f.Tensor("metrics").ToArray() : null;
        var momentums = f.Has("momentums") ? f.Tensor("momentums").ToArray() : null;
        for (int s = 0; s < expected.Length; s++)
        {
            double lr = opt.LearningRate;
            Assert.True(Math.Abs(expected[s] - lr) <= 1e-9 + 1e-6 * Math.Abs(expected[s]), $"{caseName} step {s}: lr {lr:R}, PyTorch {expected[s]:R}");
            if (momentums is not null)
                Assert.True(Math.Abs(momentums[s] - opt.ParamGroups[0].Momentum!.Value) <= 1e-6, $"{caseName} step {s}: momentum {opt.ParamGroups[0].Momentum}, PyTorch {momentums[s]}");
            p.Grad = Tensor.ZerosLike(p);
            opt.Step();
            if (plateau is not null) plateau.Step(metrics![s]);
            else schedule!.Step();
        }
    }
}
