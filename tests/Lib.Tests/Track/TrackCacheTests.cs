using Lib.Storage;
using Lib.Storage.DuckDb;
using Lib.Track.Cache;
using Lib.Track.Domain;
using Lib.Track.Ingest;

namespace Lib.Tests.Track;

/// <summary>The track cache step: built once from the bundled sources, an unchanged re-run only loads, a changed input rebuilds.</summary>
public class TrackCacheTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_bundled_sources_build_once_and_an_unchanged_rerun_loads_the_same_histories()
    {
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        var sources = PerformanceSources.Bundled(RepoPaths.Data);
        var built = TrackCacheStep.Build(cache, sources);
        var again = TrackCacheStep.Build(cache, sources);

        Assert.True(built.Cache.Rebuilt);
        Assert.False(again.Cache.Rebuilt);
        Assert.Equal("up to date", again.Cache.Reason);
        Assert.Equal(built.Fingerprint, again.Fingerprint);
        Assert.Equal(built.Histories.Count, again.Histories.Count);
        for (var i = 0; i < built.Histories.Count; i += 97) Assert.Equal(built.Histories[i].ToString(), again.Histories[i].ToString());
        Assert.Equal(built.Histories.SelectMany(f => f.Seasons).SelectMany(s => s.Marks), again.Histories.SelectMany(f => f.Seasons).SelectMany(s => s.Marks));

        // Every row of every file is in the table or in rejected.csv, with its file and line.
        Assert.Equal([22073, 1803, 2850, 4162], again.Sources.Select(s => s.Rows + s.Rejected));
        Assert.Equal([12, 0, 1, 4], again.Sources.Select(s => s.Rejected)); // ENR and NP are other codes now (issue 19)
        using var sql = DuckDb.OpenInMemory();
        Assert.Equal(again.Sources.Sum(s => s.Rows), sql.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?)", again.PerformancesPath));
        Assert.Equal(17, sql.ExecuteScalar<long>("SELECT count(*) FROM read_csv(?)", again.RejectedPath));
        Assert.Equal(1, sql.ExecuteScalar<long>("SELECT count(*) FROM read_csv(?) WHERE source = 'big_south_tfrrs_performances.csv' AND location = 'line 85'", again.RejectedPath));
        Assert.Equal(again.Histories.Sum(f => f.Seasons.Count), sql.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?)", again.SeasonsPath));
        Assert.All(again.Histories, f => Assert.All(f.Seasons, s => Assert.Equal(s.Peak, f.Event.Direction == Lib.Track.Domain.EventDirection.LowerIsBetter ? s.Marks.Min(m => m.Value) : s.Marks.Max(m => m.Value))));
        Assert.DoesNotContain(again.Histories, f => f.Event.IsRelay || f.Gender == Gender.Mixed);
    }

    [Fact]
    public void A_changed_source_file_or_source_list_rebuilds_and_says_why()
    {
        var file = _dir.File("in/team.csv", "Athlete,Event,Mark,Date\nAnn Lee,800 Meters,2:10.50,\"Apr  9, 2022\"\n");
        var cache = new DerivedCache(Path.Combine(_dir.Path, "cache"));
        IPerformanceSource[] sources = [new TeamAthletesCsv(file, Gender.Women, "Lee U", "team")];
        var first = TrackCacheStep.Build(cache, sources);
        Assert.Equal(130.5, Assert.Single(first.Histories).Seasons[0].Peak);

        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        Assert.False(TrackCacheStep.Build(cache, sources).Cache.Rebuilt);

        File.AppendAllText(file, "Ann Lee,800 Meters,2:08.00,\"Apr 16, 2022\"\n");
        var changed = TrackCacheStep.Build(cache, sources);
        Assert.True(changed.Cache.Rebuilt);
        Assert.Contains("team.csv changed", changed.Cache.Reason);
        Assert.Equal(128, Assert.Single(changed.Histories).Seasons[0].Peak);
        Assert.NotEqual(first.Fingerprint, changed.Fingerprint);

        var men = TrackCacheStep.Build(cache, [new TeamAthletesCsv(file, Gender.Men, "Lee U", "team")]);
        Assert.True(men.Cache.Rebuilt);
        Assert.Contains("parameter 'sources' changed", men.Cache.Reason);
        Assert.Equal(Gender.Men, men.Histories[0].Gender);
    }
}
