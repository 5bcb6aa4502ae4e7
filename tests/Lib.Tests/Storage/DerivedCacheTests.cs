using Lib.Storage;

namespace Lib.Tests.Storage;

public class DerivedCacheTests : IDisposable
{
    private readonly TempDir _dir = new();
    private int _builds;

    public void Dispose() => _dir.Dispose();

    private CacheStep Step(string version = "1", string season = "outdoor") => new("families")
    {
        CodeVersion = version,
        Inputs = [_dir.File("in/marks.csv")],
        Parameters = new SortedDictionary<string, string> { ["season"] = season },
        Outputs = ["table.csv", "meta/summary.json"],
    };

    private void Build(CacheBuild b)
    {
        _builds++;
        var rows = File.ReadAllLines(_dir.File("in/marks.csv"));
        File.WriteAllLines(b.PathOf("table.csv"), rows.Select(r => r.ToUpperInvariant()));
        File.WriteAllText(b.PathOf("meta/summary.json"), $"{{\"rows\": {rows.Length}}}");
        b.SetRows("table.csv", rows.Length);
    }

    [Fact]
    public void Builds_once_then_serves_from_the_cache()
    {
        _dir.File("in/marks.csv", "a\nb\n");
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        var first = cache.Run(Step(), Build);
        var second = cache.Run(Step(), Build);
        Assert.True(first.Rebuilt);
        Assert.Equal("it has not been built", first.Reason);
        Assert.False(second.Rebuilt);
        Assert.Equal(1, _builds);
        Assert.Equal(["A", "B"], File.ReadAllLines(second.PathOf("table.csv")));
        Assert.Equal(2, second.Manifest.Rows("table.csv"));
        Assert.Null(cache.WhyStale(Step()));
    }

    [Fact]
    public void Changed_inputs_parameters_or_code_version_rebuild_and_say_why()
    {
        var input = _dir.File("in/marks.csv", "a\n");
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        cache.Run(Step(), Build);

        File.SetLastWriteTimeUtc(input, DateTime.UtcNow.AddMinutes(1)); // touched, same content
        Assert.False(cache.Run(Step(), Build).Rebuilt);

        File.WriteAllText(input, "a\nc\n");
        var changed = cache.Run(Step(), Build);
        Assert.True(changed.Rebuilt);
        Assert.Contains("marks.csv changed", changed.Reason);
        Assert.Equal(["A", "C"], File.ReadAllLines(changed.PathOf("table.csv")));

        Assert.Contains("parameter 'season' changed (outdoor -> indoor)", cache.Run(Step(season: "indoor"), Build).Reason);
        Assert.Contains("code version changed (1 -> 2)", cache.Run(Step(version: "2", season: "indoor"), Build).Reason);
        Assert.Equal("forced rebuild", cache.Run(Step(version: "2", season: "indoor"), Build, force: true).Reason);
        Assert.Equal(5, _builds);
    }

    [Fact]
    public void Corrupt_or_missing_outputs_are_detected_and_rebuilt()
    {
        _dir.File("in/marks.csv", "a\nb\n");
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        var result = cache.Run(Step(), Build);
        var table = result.PathOf("table.csv");

        var bytes = File.ReadAllBytes(table);
        bytes[0] ^= 0x20; // same length, different content
        File.WriteAllBytes(table, bytes);
        var rebuilt = cache.Run(Step(), Build);
        Assert.Contains("output table.csv is corrupt", rebuilt.Reason);
        Assert.Equal(["A", "B"], File.ReadAllLines(table));

        File.Delete(rebuilt.PathOf("meta/summary.json"));
        Assert.Contains("output meta/summary.json is missing", cache.Run(Step(), Build).Reason);

        File.WriteAllText(Path.Combine(result.Directory, CacheManifest.FileName), "{ not json");
        Assert.Contains("manifest is missing or unreadable", cache.Run(Step(), Build).Reason);
        Assert.Equal(4, _builds);
    }

    [Fact]
    public void A_crash_mid_build_leaves_the_previous_cache_intact()
    {
        _dir.File("in/marks.csv", "a\n");
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        var good = cache.Run(Step(), Build);

        File.WriteAllText(_dir.File("in/marks.csv"), "a\nb\n");
        var crash = Assert.Throws<IOException>(() => cache.Run(Step(), b =>
        {
            File.WriteAllText(b.PathOf("table.csv"), "half-writ");
            throw new IOException("killed mid-write");
        }));
        Assert.Equal("killed mid-write", crash.Message);
        Assert.Equal(["A"], File.ReadAllLines(good.PathOf("table.csv")));
        Assert.Equal(["families"], Directory.GetDirectories(cache.Root).Select(Path.GetFileName));
        // The old outputs are still consistent with their manifest; only the input moved on.
        Assert.Contains("marks.csv changed", cache.WhyStale(Step()));
    }

    [Fact]
    public void A_build_that_skips_a_declared_output_fails_without_replacing_the_cache()
    {
        _dir.File("in/marks.csv", "a\n");
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        cache.Run(Step(), Build);
        var e = Assert.Throws<InvalidOperationException>(() =>
            cache.Run(Step(version: "2"), b => File.WriteAllText(b.PathOf("table.csv"), "x")));
        Assert.Contains("without writing its declared output 'meta/summary.json'", e.Message);
        Assert.Contains("code version changed", cache.WhyStale(Step(version: "2")));
        Assert.Null(cache.WhyStale(Step()));
        Assert.Throws<ArgumentException>(() => cache.Run(Step(version: "3"), b => b.PathOf("undeclared.bin")));
    }

    [Fact]
    public void Leftovers_of_a_killed_process_are_ignored_and_cleaned()
    {
        _dir.File("in/marks.csv", "a\n");
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        Directory.CreateDirectory(Path.Combine(cache.Root, ".families.building-dead"));
        File.WriteAllText(Path.Combine(cache.Root, ".families.building-dead", "table.csv"), "partial");
        var result = cache.Run(Step(), Build);
        Assert.True(result.Rebuilt);
        Assert.False(Directory.Exists(Path.Combine(cache.Root, ".families.building-dead")));
    }

    [Fact]
    public void Missing_inputs_and_bad_step_names_are_clear_errors()
    {
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        var e = Assert.Throws<FileNotFoundException>(() => cache.Run(Step(), Build));
        Assert.Contains("input", e.Message);
        Assert.Contains("marks.csv does not exist", e.Message);
        Assert.Throws<ArgumentException>(() => new CacheStep("../escape"));
    }
}
