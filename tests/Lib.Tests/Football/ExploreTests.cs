using Lib.Football.Ingest;
using Lib.Storage;
using Xunit.Abstractions;

namespace Lib.Tests.Football;

public class ExploreTests(ITestOutputHelper output)
{
    [Fact]
    public void Explore()
    {
        var sw = System.Diagnostics.Stopwatch.StartNew();
        var (h, recs) = CsvFile.Open(FootballFixture.Slim);
        int n = 0; foreach (var r in recs) n += r.Fields.Count;
        output.WriteLine($"csv only {sw.ElapsedMilliseconds} ms {n}");
        sw.Restart();
        var f = SlimTrackingReader.Read(FootballFixture.Slim);
        output.WriteLine($"slim {sw.ElapsedMilliseconds} ms");
        sw.Restart();
        var t = FootballIngest.Run(FootballSources.FromFolder(FootballFixture.DataFolder));
        output.WriteLine($"ingest {sw.ElapsedMilliseconds} ms");
    }
}
