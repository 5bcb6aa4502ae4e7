using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lib.Climbing.Dataset;
using Lib.Climbing.Evaluate;

namespace Lib.Tests.Climbing;

/// <summary><c>lab climbing evaluate --input FILE --out metrics.json</c>: a saved model on a route file, with the
/// metrics training writes (issue 19).</summary>
[Collection("climbing")]
public class EvaluateFileTests(ClimbingFixture fixture) : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private const string File2016 = "smchase_raw_2016-40.json";

    /// <summary>The raw MoonBoard records of one bundled file whose routes the split puts in <paramref name="split"/>,
    /// written as a file of their own.</summary>
    private string RecordsOf(SplitName split)
    {
        var indices = fixture.Data.Routes(split).Where(r => r.Source == File2016)
            .Select(r => int.Parse(r.Record.Split(' ')[1], CultureInfo.InvariantCulture)).ToHashSet();
        Assert.NotEmpty(indices);
        var raw = JsonNode.Parse(File.ReadAllText(Path.Combine(ClimbingFixture.DataFolder, "moonboard", File2016)))!.AsArray();
        var kept = new JsonArray([.. raw.Select((n, i) => (n, i)).Where(p => indices.Contains(p.i)).Select(p => p.n!.DeepClone())]);
        return _dir.File($"{split}.json", kept.ToJsonString());
    }

    [Fact]
    public void The_test_split_as_a_file_gives_the_training_time_metrics()
    {
        var model = fixture.Model; // trained (and saved to ModelFolder) once for the collection
        var training = SplitEvaluation.Run(fixture.Data, model, SplitName.Test);
        var metrics = Path.Combine(_dir.Path, "out", "metrics.json");
        var result = ClimbingEvaluateStep.RunFile(fixture.ModelFolder, RecordsOf(SplitName.Test), metrics);

        Assert.Equal("MoonBoard problems", result.Format);
        Assert.Empty(result.Rejected);
        Assert.Equal(["transformer"], result.Evaluation.Predictors);
        // The file's routes are the test split's MOON2016 at 40°: every metric equals the training-time evaluation's for
        // that group, overall and per board and angle alike.
        var expected = training.Metric("transformer", "MOON2016@40");
        Same(expected, result.Evaluation.Metric("transformer"));
        Same(expected, result.Evaluation.Metric("transformer", "MOON2016@40"));
        Same(training.Metric("transformer", "MOON2016"), result.Evaluation.Metric("transformer", "MOON2016"));

        // Written as training writes them: the same JSON rows, and a CSV twin.
        using var json = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.Equal(3, json.RootElement.GetArrayLength()); // overall, board, board+angle
        Assert.Equal(expected.Mae, json.RootElement[2].GetProperty("mae").GetDouble(), 9);
        Assert.Equal(Path.Combine(_dir.Path, "out", "metrics.csv"), result.MetricsCsvPath);
        Assert.StartsWith("scope,group,predictor,count,mae", File.ReadLines(result.MetricsCsvPath).First());
    }

    private static void Same(MetricRow expected, MetricRow actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        // The same routes through the same model, batched differently: equal to rounding.
        foreach (var (e, a) in new[] { (expected.Mae, actual.Mae), (expected.Rmse, actual.Rmse), (expected.R2, actual.R2),
                     (expected.Within1, actual.Within1), (expected.Within2, actual.Within2), (expected.VExact, actual.VExact),
                     (expected.VWithin1, actual.VWithin1), (expected.VWithin2, actual.VWithin2) })
            Assert.Equal(e, a, 5);
    }

    [Fact]
    public void Ungraded_climbs_and_other_files_are_refused_with_the_reason()
    {
        var climbs = Path.Combine(ClimbingFixture.DataFolder, "kilter", "regisxu_kilter_sync_climbs_page.json");
        var e = Assert.ThrowsAny<Exception>(() => ClimbingEvaluateStep.RunFile(fixture.ModelFolder, climbs, Path.Combine(_dir.Path, "m.json")));
        Assert.True(e is ArgumentException or KeyNotFoundException, e.ToString());
        Assert.False(File.Exists(Path.Combine(_dir.Path, "m.json")));
        var other = _dir.File("other.json", "[{\"a\": 1}]");
        Assert.Contains("expected MoonBoard problems",
            Assert.Throws<InvalidDataException>(() => ClimbingEvaluateStep.RunFile(fixture.ModelFolder, other, Path.Combine(_dir.Path, "m.json"))).Message);
    }
}
