using Lib.Football.Dataset;
using Lib.Football.Evaluate;
using Lib.Football.Model;
using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Tests.Football;

public class TrajectoryLossAndMetricsTests
{
    /// <summary>One scene: a player at rest heading +x at 5 yd/s who moves +1 yd per step, a second player who
    /// stands still but whose last displacement was (0, 0.5), and the ball; horizon 20.</summary>
    internal static TrajectoryBatch TwoPlayers()
    {
        const int horizon = 20;
        var graph = SceneGraph.FullyConnected([3]);
        var targets = new float[3 * horizon * 2];
        var mask = new float[3 * horizon];
        for (int s = 0; s < horizon; s++)
        {
            targets[s * 2] = s + 1; // player 0 moves +1 yd per step along x
            mask[s] = 1;
            mask[horizon + s] = s < 15 ? 1 : 0; // player 1's tracking ends after 15 steps
        }
        return new TrajectoryBatch(
            graph,
            Tensor.Zeros(3, 10, 4),
            Tensor.Zeros(3, 2),
            Tensor.FromArray([0.9f, 0f, 0f, 0.5f, 2f, 2f], 3, 2),
            Tensor.FromArray([0.5f, 0f, 0f, 0f, 2f, 2f], 3, 2),
            Tensor.FromArray(targets, 3, horizon, 2),
            Tensor.FromArray(mask, 3, horizon),
            Tensor.FromArray([1f], 1),
            Tensor.FromArray([1f], 1),
            [new TrajectoryNode(0, 11, "WR", "Offense"), new TrajectoryNode(0, 22, "DB", "Defense"), new TrajectoryNode(0, null, "Ball", "Ball")],
            [new TrajectoryScene(2018090600, 75, 40, "Pass", false)]
        );
    }

    [Fact]
    public void Baseline_errors_and_the_pooled_score_are_the_hand_computed_ones()
    {
        var batch = TwoPlayers();
        var errors = NodeErrors.Of(batch, TrajectoryBaselines.ConstantVelocity.Forecast(batch));
        Assert.Equal(2, errors.Count); // the ball is not scored
        // player 0: forecast 0.9·s, truth s → error 0.1·s; ADE over 10 steps = 0.1·5.5, FDE = 1.0 at 1 s; 2.0 at 2 s
        Assert.Equal(0.55, errors[0].Ade1, 5);
        Assert.Equal(1.0, errors[0].Fde1, 5);
        Assert.Equal(0.1 * 10.5, errors[0].Ade2, 5);
        Assert.Equal(2.0, errors[0].Fde2, 5);
        Assert.Equal(errors[0].Ade2, errors[0].MinAde2);
        // player 1: forecast 0.5·s along y, truth at rest; tracked 15 steps, so scored at 1 s only
        Assert.Equal(0.5 * 5.5, errors[1].Ade1, 5);
        Assert.Equal(5.0, errors[1].Fde1, 5);
        Assert.True(double.IsNaN(errors[1].Ade2));
        var score = TrajectoryScore.Of(errors);
        Assert.Equal((2, 1), (score.Count1, score.Count2));
        Assert.Equal((0.55 + 2.75) / 2, score.Ade1, 5);
        Assert.Equal(0.5, score.Miss1, 5); // 5 yd > 2 is a miss, 1 yd is not
        Assert.Equal(0.0, score.Miss2, 5); // exactly 2 yd is not beyond 2

        var still = NodeErrors.Of(batch, TrajectoryBaselines.StandingStill.Forecast(batch));
        Assert.Equal(5.5, still[0].Ade1, 5);
        Assert.Equal(0.0, still[1].Fde1, 5);
        var heading = NodeErrors.Of(batch, TrajectoryBaselines.SpeedAndDirection.Forecast(batch));
        Assert.Equal(0.5 * 5.5, heading[0].Ade1, 5);
    }

    [Fact]
    public void The_top_mode_is_the_point_forecast_and_minADE_takes_the_best_mode()
    {
        var batch = TwoPlayers();
        int n = 3, k = 2, h = 20;
        var means = new float[n * k * h * 2];
        var weights = new float[] { 0.3f, 0.7f, 0.5f, 0.5f, 0.5f, 0.5f };
        for (int s = 0; s < h; s++)
            means[((0 * k + 0) * h + s) * 2] = s + 1; // player 0, mode 0 exact but less likely
        var errors = NodeErrors.Of(batch, new TrajectoryForecast(n, k, h, means, weights, null));
        Assert.Equal(10.5, errors[0].Ade2, 5); // the point forecast (mode 1) stays put
        Assert.Equal(0.0, errors[0].MinAde2, 5);
        Assert.Equal(0.0, errors[0].MinFde2, 5);
    }

    [Fact]
    public void The_losses_are_masked_means_and_zero_on_the_truth()
    {
        var batch = TwoPlayers();
        var truth = batch.Targets;
        Assert.True(TrajectoryLoss.Displacement(truth, truth, batch.TargetMask).Item() < 1e-2f);
        Assert.Equal(0f, TrajectoryLoss.Velocity(truth, truth, batch.TargetMask).Item());
        Assert.Equal(0f, TrajectoryLoss.Acceleration(truth, truth, batch.TargetMask).Item());

        var zero = Tensor.Zeros(3, 20, 2);
        // player 0 errs s + 1 at step s (20 steps), player 1 errs 0 on 15 steps, the ball is masked out
        Assert.Equal(210f / 35f, TrajectoryLoss.Displacement(zero, truth, batch.TargetMask).Item(), 3);
        Assert.Equal(20f / 35f, TrajectoryLoss.Velocity(zero, truth, batch.TargetMask).Item(), 4); // 1² per step
        // second differences of s + 1 are 1 at step 0 (from the origin, velocity 0 before) and 0 after
        Assert.Equal(1f / 35f, TrajectoryLoss.Acceleration(zero, truth, batch.TargetMask).Item(), 4);
        var huber = TrajectoryLoss.Displacement(zero, truth, batch.TargetMask, huberDelta: 1f).Item();
        Assert.Equal((0.5f + Enumerable.Range(2, 19).Sum(e => e - 0.5f)) / 35f, huber, 3);

        var logits = Tensor.FromArray([2f], 1);
        var bce = TrajectoryLoss.Coverage(logits, batch.CoverageLabels, batch.CoverageMask).Item();
        Assert.Equal(MathF.Log(1 + MathF.Exp(-2f)), bce, 5);
        Assert.Equal(0f, TrajectoryLoss.Coverage(logits, batch.CoverageLabels, Tensor.Zeros(1)).Item());
    }

    [Fact]
    public void The_mixture_NLL_reads_only_full_paths_and_divides_by_the_horizon()
    {
        var batch = TwoPlayers();
        var generator = new Generator(3);
        var means = Tensor.Randn(generator, 3, 2, 20, 2);
        var logSigma = Tensor.Randn(generator, 3, 2, 20, 2) * 0.1f;
        var logits = Tensor.Randn(generator, 3, 2);
        var nll = TrajectoryLoss.MixtureNll(means, logSigma, logits, batch.Targets, batch.TargetMask).Item();
        var index = IndexTensor.FromArray([0], 1); // only player 0 is tracked for all 20 steps
        var expected = Functional.MixtureGaussianNll(logits.IndexSelect(0, index), means.IndexSelect(0, index).Reshape(1, 2, 40), logSigma.IndexSelect(0, index).Reshape(1, 2, 40), batch.Targets.IndexSelect(0, index).Reshape(1, 40)).Item() / 20f;
        Assert.Equal(expected, nll, 4);
        var best = TrajectoryLoss.BestMode(means, batch.Targets, batch.TargetMask);
        Assert.Equal([3, 20, 2], best.Shape);
    }

    [Fact]
    public void The_evaluations_NLL_is_the_training_losss_on_a_full_path_and_NaN_without_a_mixture()
    {
        var batch = TwoPlayers();
        var generator = new Generator(5);
        var means = Tensor.Randn(generator, 3, 2, 20, 2);
        var logSigma = Tensor.Randn(generator, 3, 2, 20, 2) * 0.1f;
        var logits = Tensor.Randn(generator, 3, 2);
        var forecast = new TrajectoryForecast(3, 2, 20, means.ToArray(), logits.Softmax(-1).ToArray(), null, logSigma.ToArray());
        var errors = NodeErrors.Of(batch, forecast);
        var loss = TrajectoryLoss.MixtureNll(means, logSigma, logits, batch.Targets, batch.TargetMask).Item(); // player 0 only
        Assert.Equal(loss, errors[0].Nll2, 3);
        Assert.True(double.IsNaN(errors[1].Nll2)); // tracked 15 steps: no 2 s path
        Assert.Equal(errors[0].Nll2, TrajectoryScore.Of(errors).Nll2, 9);
        var point = NodeErrors.Of(batch, TrajectoryBaselines.ConstantVelocity.Forecast(batch));
        Assert.True(double.IsNaN(TrajectoryScore.Of(point).Nll2));
    }
}
