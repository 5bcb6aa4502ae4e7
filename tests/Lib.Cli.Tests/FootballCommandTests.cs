using Lib.Storage.DuckDb;

namespace Lib.Cli.Tests;

/// <summary><c>lab football ingest</c> on the bundled data and on a broken copy.</summary>
public class FootballCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-football-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Ingest_writes_the_validated_table_and_prints_the_report()
    {
        var outDir = Path.Combine(_dir, "tracking");
        var cache = Path.Combine(_dir, "cache");
        var (code, output, error) = LabRun.Run(null, "football", "ingest", "--validate-data", "--out", outDir, "--cache", cache);
        Assert.True(code == 0, error);
        using var sql = DuckDb.OpenInMemory();
        Assert.Equal(663_341L, sql.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?)", Path.Combine(outDir, "tracking.parquet")));
        Assert.Equal(4687L, sql.ExecuteScalar<long>("SELECT count(*) FROM read_csv(?)", Path.Combine(outDir, "validation.csv")));
        Assert.Contains("663,341 rows of 345 plays; validation: duplicate-play 1, x-range 1,270, y-range 3,019, duplicate-frame 391, frame-gap 6.", output);
        Assert.Contains("│ duplicate-frame  │", output);
        Assert.Contains("tracking.csv.gz: line 1744 (play 2018011401/4497, frame 197): y-range: y = -0.1 (player 2556735) is outside 0–53.3", output);
        Assert.Contains("Read the sources", output);

        (code, output, _) = LabRun.Run(null, "football", "ingest", "--no-validation", "--weeks", "1-3", "--seasons", "2018", "--out", outDir, "--cache", cache);
        Assert.Equal(0, code);
        Assert.Contains("validation skipped (--no-validation); read: every rule passes.", output);
        Assert.DoesNotContain("│ duplicate-frame  │", output);
        Assert.Equal(0L, sql.ExecuteScalar<long>("SELECT count(*) FROM read_parquet(?) WHERE season <> 2018 OR week > 3", Path.Combine(outDir, "tracking.parquet")));

        Assert.Equal(2, LabRun.Run(null, "football", "ingest", "--weeks", "x", "--cache", cache).Code);
        Assert.Equal(2, LabRun.Run(null, "football", "ingest", "--validate-data", "--no-validation", "--cache", cache).Code);
    }

    [Fact]
    public void Ingest_exits_1_when_rows_cannot_be_read()
    {
        var data = Path.Combine(_dir, "data");
        Directory.CreateDirectory(data);
        File.Copy(Path.Combine(LabRun.Repo, "data", "football", "plays.csv"), Path.Combine(data, "plays.csv"));
        File.WriteAllText(Path.Combine(data, "tracking.csv"),
            "game_id,play_id,season,week,frame_id,time,nfl_id,display_name,position,team,jersey_number,x,y,s,o,dir,event\n"
            + "2018011401,4497,2017,19,122,2018-01-15 01:06:51.000,2495184,Cameron Jordan,DE,away,94,49.3,18.82,0.0,154.1,354.5,\n"
            + "2018011401,4497,2017,19,123,2018-01-15 01:06:51.100,2495184,Cameron Jordan,DE,away,94,49.3,,0.0,154.1,354.5,\n");
        var (code, output, _) = LabRun.Run(null, "football", "ingest", "--data", data, "--out", Path.Combine(_dir, "o"), "--cache", Path.Combine(_dir, "c"));
        Assert.Equal(1, code);
        Assert.Contains("1 rows of 1 plays; validation: missing-value 1.", output);
    }
}
