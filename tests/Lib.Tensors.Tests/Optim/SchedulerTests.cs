using Lib.Tensors.Optim;
using Lib.Tensors.Optim.Schedulers;

namespace Lib.Tensors.Tests.Optim;

public class SchedulerTests
{
    private static SGD Sgd(double lr = 0.1, double momentum = 0) => new([Tensor.Zeros(2).RequireGrad()], lr: lr, momentum: momentum);

    /// <summary>The lr used by each of <paramref name="steps"/> optimizer steps, stepping the schedule after each.</summary>
    private static double[] Run(Optimizer opt, LRScheduler schedule, int steps)
    {
        var lrs = new double[steps];
        for (int s = 0; s < steps; s++)
        {
            lrs[s] = opt.LearningRate;
            Assert.Equal(lrs[s], schedule.LastLearningRates[0]);
            opt.Step();
            schedule.Step();
        }
        return lrs;
    }

    private static void Near(IEnumerable<double> expected, double[] actual)
    {
        var e = expected.ToArray();
        Assert.Equal(e.Length, actual.Length);
        for (int i = 0; i < e.Length; i++) Assert.True(Math.Abs(e[i] - actual[i]) <= 1e-12 + 1e-9 * Math.Abs(e[i]), $"step {i}: expected {e[i]}, got {actual[i]}");
    }

    [Fact]
    public void StepLR_halves_every_three_steps()
    {
        var opt = Sgd();
        var lrs = Run(opt, new StepLR(opt, stepSize: 3, gamma: 0.5), 8);
        Near([0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025], lrs);
        Assert.Throws<ArgumentOutOfRangeException>(() => new StepLR(opt, 0));
    }

    [Fact]
    public void ExponentialLR_multiplies_every_step()
    {
        var opt = Sgd();
        var schedule = new ExponentialLR(opt, gamma: 0.9);
        Near(Enumerable.Range(0, 6).Select(s => 0.1 * Math.Pow(0.9, s)), Run(opt, schedule, 6));
        Assert.Equal(6, schedule.LastEpoch);
        Assert.Equal([0.1], schedule.BaseLearningRates);
    }

    [Fact]
    public void LambdaLR_scales_each_groups_base_rate()
    {
        var a = Tensor.Zeros(1).RequireGrad();
        var b = Tensor.Zeros(1).RequireGrad();
        var opt = new SGD([new ParamGroup([a]), new ParamGroup([b]) { LearningRate = 1 }], lr: 0.1);
        var schedule = new LambdaLR(opt, [s => 1.0 / (s + 1), s => s]);
        Assert.Equal([0.1, 0.0], schedule.LastLearningRates);
        schedule.Step();
        schedule.Step();
        Assert.Equal(0.1 / 3, opt.ParamGroups[0].LearningRate!.Value, 15);
        Assert.Equal(2.0, opt.ParamGroups[1].LearningRate);
        Assert.Throws<ArgumentException>(() => new LambdaLR(opt, [s => 1.0]));
    }

    [Fact]
    public void A_second_schedule_starts_from_the_initial_rate()
    {
        var opt = Sgd();
        var first = new ExponentialLR(opt, 0.5);
        first.Step();
        var second = new StepLR(opt, 10);
        Assert.Equal([0.1], second.BaseLearningRates);
        Assert.Equal(0.1, opt.LearningRate);
    }

    [Fact]
    public void Cosine_with_warmup_matches_huggingface()
    {
        Assert.Equal(0.0, CosineWithWarmup.Factor(0, 3, 12));
        Assert.Equal(2.0 / 3, CosineWithWarmup.Factor(2, 3, 12));
        Assert.Equal(1.0, CosineWithWarmup.Factor(3, 3, 12));
        Assert.Equal(0.5, CosineWithWarmup.Factor(7, 3, 11), 12); // half way through the decay
        Assert.Equal(0.0, CosineWithWarmup.Factor(12, 3, 12), 15);
        var opt = Sgd();
        var lrs = Run(opt, new CosineWithWarmup(opt, numWarmupSteps: 3, numTrainingSteps: 12), 12);
        Near(Enumerable.Range(0, 12).Select(s => s < 3 ? 0.1 * s / 3 : 0.1 * 0.5 * (1 + Math.Cos(Math.PI * (s - 3) / 9))), lrs);
    }

    private static double Cos(double start, double end, double pct) => end + (start - end) / 2 * (Math.Cos(Math.PI * pct) + 1);

    [Fact]
    public void OneCycle_rises_then_anneals_and_cycles_momentum()
    {
        var opt = Sgd(lr: 0.5, momentum: 0.9);
        var schedule = new OneCycleLR(opt, maxLr: 0.1, totalSteps: 12);
        double initial = 0.1 / 25, min = initial / 1e4, p1 = 0.3 * 12 - 1;
        var lrs = new List<double>();
        var momenta = new List<double>();
        for (int s = 0; s < 12; s++)
        {
            lrs.Add(opt.LearningRate);
            momenta.Add(opt.ParamGroups[0].Momentum!.Value);
            schedule.Step();
        }
        Near(Enumerable.Range(0, 12).Select(s => s <= p1 ? Cos(initial, 0.1, s / p1) : Cos(0.1, min, (s - p1) / (11 - p1))), [.. lrs]);
        Near(Enumerable.Range(0, 12).Select(s => s <= p1 ? Cos(0.95, 0.85, s / p1) : Cos(0.85, 0.95, (s - p1) / (11 - p1))), [.. momenta]);
        Assert.Equal(initial, lrs[0], 15);
        Assert.Equal(min, lrs[11], 15);
        Assert.Throws<InvalidOperationException>(schedule.Step);
    }

    [Fact]
    public void OneCycle_cycles_adams_beta1_and_supports_three_phases_and_linear()
    {
        var adam = new Adam([Tensor.Zeros(1).RequireGrad()], betas: (0.9, 0.99));
        var schedule = new OneCycleLR(adam, maxLr: 1.0, totalSteps: 10, pctStart: 0.25, annealStrategy: "linear", threePhase: true);
        Assert.Equal((0.95, 0.99), adam.ParamGroups[0].Betas);
        // phases end at 1.5, 3 and 9: initial → max → initial → min, linearly.
        double initial = 1.0 / 25, min = initial / 1e4;
        var expected = new[]
        {
            initial, initial + (1 - initial) / 1.5, 1 + (initial - 1) * (0.5 / 1.5), initial,
            initial + (min - initial) / 6, initial + (min - initial) * 2 / 6,
        };
        for (int s = 0; s < expected.Length; s++)
        {
            Assert.True(Math.Abs(expected[s] - adam.LearningRate) < 1e-12, $"step {s}: expected {expected[s]}, got {adam.LearningRate}");
            schedule.Step();
        }
        Assert.Throws<ArgumentException>(() => new OneCycleLR(new Adam([Tensor.Zeros(1).RequireGrad()]), 1.0, 10, annealStrategy: "exp"));
    }

    [Fact]
    public void ReduceLROnPlateau_halves_after_patience_bad_steps()
    {
        var opt = Sgd();
        var plateau = new ReduceLROnPlateau(opt, mode: "min", factor: 0.5, patience: 2);
        double[] metrics = [1.0, 0.9, 0.91, 0.92, 0.93, 0.85, 0.86, 0.86, 0.86, 0.86, 0.84, 0.83999];
        var lrs = new List<double>();
        foreach (var m in metrics)
        {
            lrs.Add(opt.LearningRate);
            plateau.Step(m);
        }
        // bad steps: 0.91, 0.92, 0.93 → the third exceeds patience 2 → 0.05 from step 5 on;
        // 0.86 ×4 after the best 0.85 → reduce after the third (step 8) → 0.025 from step 9;
        // 0.84 improves; 0.83999 is within the relative threshold, so it is a bad step.
        Near([0.1, 0.1, 0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.05, 0.025, 0.025, 0.025], [.. lrs]);
        Assert.Equal(0.84, plateau.Best);
        Assert.Equal(1, plateau.NumBadEpochs);
    }

    [Fact]
    public void ReduceLROnPlateau_max_mode_cooldown_and_floor()
    {
        var opt = Sgd(lr: 1);
        var plateau = new ReduceLROnPlateau(opt, mode: "max", factor: 0.1, patience: 0, cooldown: 1, minLr: 0.05, thresholdMode: "abs", threshold: 0.1);
        plateau.Step(0.5);   // best
        plateau.Step(0.55);  // within the absolute threshold: bad → reduce to 0.1, cooldown 1
        Assert.Equal(0.1, opt.LearningRate, 15);
        plateau.Step(0.5);   // bad, but in cooldown: not counted
        Assert.Equal(0.1, opt.LearningRate, 15);
        plateau.Step(0.5);   // bad → 0.01, floored at 0.05
        Assert.Equal(0.05, opt.LearningRate, 15);
        plateau.Step(0.5);   // in cooldown
        plateau.Step(0.5);   // would reduce, but 0.05 is the floor
        Assert.Equal(0.05, opt.LearningRate, 15);
        Assert.Equal([0.05], plateau.LastLearningRates);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReduceLROnPlateau(opt, factor: 1));
    }
}
