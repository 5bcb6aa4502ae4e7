using Lib.Football.Dataset;
using Xunit.Abstractions;

namespace Lib.Tests.Football;

public class ExploreTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        using var dir = new TempDir();
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var cached = Lib.Football.Cache.FootballCacheStep.Run(FootballFixture.DataFolder, dir.Path);
        output.WriteLine($"cache build {sw.ElapsedMilliseconds} ms rows {cached.RowCount}");
        sw.Restart();
        cached = Lib.Football.Cache.FootballCacheStep.Run(FootballFixture.DataFolder, dir.Path);
        output.WriteLine($"cache load {sw.ElapsedMilliseconds} ms rebuilt {cached.Step.Rebuilt}");
        sw.Restart();
        var data = FootballDatasetStep.Build(cached);
        output.WriteLine($"dataset {sw.ElapsedMilliseconds} ms tracks {data.Tracks.Count} samples {data.Samples.Count}");
        foreach (var c in data.Counts()) output.WriteLine(c.ToString());
        output.WriteLine($"coverage {data.Coverage.Count} pos {data.Coverage.Count(c => c.TightWindow)}");
        foreach (var p in data.ManZonePlays) output.WriteLine($"{p.Key} {p.Coverage} {p.CoverageType}");
        sw.Restart();
        var batch = FootballBatch.Collate(data.Samples.Take(64).ToList());
        output.WriteLine($"collate {sw.ElapsedMilliseconds} ms nodes {batch.NodeCount} edges {batch.Graph.Edges}");
    }
}
