using System.Globalization;
using Lib.Paragliding.Evaluate;
using Lib.Paragliding.Train;
using Xunit.Abstractions;

namespace Lib.Tests.Paragliding;

[Collection("paragliding")]
public sealed class EvaluationTests(ParaglidingFixture fixture, ITestOutputHelper output)
{
    /// <summary>
    /// The targets on held-out weeks with the default training options: the calibrated model's mean Brier
    /// over thresholds is no worse than the per-site × month climatology, its ECE is ≤ 0.02 at every threshold, and
    /// at most 0.1% of adjacent threshold pairs rise.
    /// </summary>
    [Fact]
    public void TheCalibratedModelMeetsTheTargetsOnTheTestWeeks()
    {
        var folder = Path.Combine(fixture.Root, "default-model");
        ParaglidingTrainStep.Run(fixture.Data, new ParaglidingTrainOptions(), folder);
        var evaluated = ParaglidingEvaluateStep.Run(fixture.Data, folder, Path.Combine(fixture.Root, "runs"));
        var e = evaluated.Evaluation;
        foreach (var m in e.Metrics)
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{m.Predictor,-30} {m.Subset,-24} {m.ThresholdKm,4} n={m.Count} pos={m.Positives} "
                        + $"brier={m.Brier:F5} ll={m.LogLoss:F4} ece={m.Ece:F5} auc={m.RocAuc:F3} viol={m.Violations:P3}"
                )
            );
        double calibrated = e.MeanBrier(ParaglidingEvaluation.CalibratedName, e.Metrics[0].Subset);
        double climatology = e.MeanBrier("climatology per site × month", e.Metrics[0].Subset);
        output.WriteLine($"mean Brier calibrated {calibrated:F5} vs site×month {climatology:F5}");
        Assert.True(calibrated <= climatology, $"calibrated {calibrated} > climatology {climatology}");
        Assert.True(e.MaxEce(ParaglidingEvaluation.CalibratedName) <= 0.02);
        Assert.True(e.Violations(ParaglidingEvaluation.CalibratedName) <= 0.001);
        Assert.All(evaluated.Files, f => Assert.True(File.Exists(f)));
        Assert.NotNull(evaluated.Run);
    }
}
