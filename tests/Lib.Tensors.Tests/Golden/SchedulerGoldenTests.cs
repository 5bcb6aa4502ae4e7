using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Twelve steps of each schedule against PyTorch 1.13: lrs[s] is the rate used by optimizer step s.</summary>
public class SchedulerGoldenTests
{
    /// <summary>The stored rates are float32; ours are double.</summary>
    private static readonly Tolerance LearningRate = new(1e-9, 1e-6);

    private static readonly Tolerance Momentum = new(1e-6, 0);

    [Theory]
    [InlineData("sched_steplr")]
    [InlineData("sched_exponentiallr")]
    [InlineData("sched_cosine_warmup")]
    [InlineData("sched_onecycle")]
    [InlineData("sched_reduce_on_plateau")]
    public void Schedule_matches_pytorch(string caseName)
    {
        var f = Fixtures.Load(caseName);
        var cfg = f.Config;
        var optCfg = cfg.Object("optimizer");
        var p = Tensor.Zeros(2).RequireGrad();
        var opt = new SGD([p], lr: optCfg.Double("lr"), momentum: optCfg.Double("momentum", 0));
        LRScheduler? schedule = null;
        ReduceLROnPlateau? plateau = null;
        switch (f.Op)
        {
            case "optim.lr_scheduler.StepLR": schedule = new StepLR(opt, cfg.Int("step_size"), cfg.Double("gamma")); break;
            case "optim.lr_scheduler.ExponentialLR": schedule = new ExponentialLR(opt, cfg.Double("gamma")); break;
            case "optim.lr_scheduler.LambdaLR":
                var l = cfg.Object("lr_lambda");
                Assert.Equal("cosine_with_warmup", l.String("name"));
                schedule = new CosineWithWarmup(opt, l.Int("num_warmup_steps"), l.Int("num_training_steps"), l.Double("num_cycles"));
                break;
            case "optim.lr_scheduler.OneCycleLR": schedule = new OneCycleLR(opt, cfg.Double("max_lr"), cfg.Int("total_steps")); break;
            case "optim.lr_scheduler.ReduceLROnPlateau":
                plateau = new ReduceLROnPlateau(opt, cfg.String("mode"), cfg.Double("factor"), cfg.Int("patience"));
                break;
            default: throw new NotSupportedException($"{caseName}: unexpected op {f.Op}");
        }

        var expected = f.Float("lrs").ToArray();
        var metrics = f.Has("metrics") ? f.Float("metrics").ToArray() : null;
        var momentums = f.Has("momentums") ? f.Float("momentums").ToArray() : null;
        for (int s = 0; s < expected.Length; s++)
        {
            GoldenCheck.Close(expected[s], opt.LearningRate, $"{caseName} lrs[{s}]", LearningRate);
            if (momentums is not null)
                GoldenCheck.Close(momentums[s], opt.ParamGroups[0].Momentum!.Value, $"{caseName} momentums[{s}]", Momentum);
            p.Grad = Tensor.ZerosLike(p);
            opt.Step();
            if (plateau is not null) plateau.Step(metrics![s]);
            else schedule!.Step();
        }
    }
}
