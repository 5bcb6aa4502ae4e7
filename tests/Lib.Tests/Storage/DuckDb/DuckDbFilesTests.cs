using Lib.Storage.DuckDb;

namespace Lib.Tests.Storage.DuckDb;

public sealed class DuckDbFilesTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly DuckDbDatabase _db = DuckDbDatabase.OpenInMemory();
    private readonly DuckDbConnection _c;

    public DuckDbFilesTests() => _c = _db.Connect();

    public void Dispose()
    {
        _db.Dispose();
        _dir.Dispose();
    }

    [Fact]
    public void Parquet_round_trips_every_type_with_nulls_through_a_bound_path()
    {
        var path = Path.Combine(_dir.Path, "it's here", "marks.parquet"); // a quote in the path, and a folder to create
        long written = _c.CopyToParquet("""
            SELECT i AS id, 'athlete ' || i || ' 🏃' AS athlete, CASE WHEN i % 10 = 0 THEN NULL ELSE i / 4 END AS value,
                   DATE '2024-01-01' + (i % 366)::INTEGER AS date, i % 2 = 0 AS even, (i % 100)::TINYINT AS small,
                   TIMESTAMP '2024-01-01 00:00:00' + INTERVAL (i) SECOND AS at
            FROM range(3000) t(i) WHERE i < ?
            """, path, 2500);
        Assert.Equal(2500, written);
        Assert.True(File.Exists(path));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));

        var r = _c.Query("SELECT * FROM read_parquet(?) ORDER BY id", path);
        Assert.Equal(2500, r.RowCount);
        Assert.Equal(["id", "athlete", "value", "date", "even", "small", "at"], r.ColumnNames);
        Assert.Equal([DuckDbType.BigInt, DuckDbType.Varchar, DuckDbType.Double, DuckDbType.Date, DuckDbType.Boolean, DuckDbType.TinyInt, DuckDbType.Timestamp],
            r.Columns.Select(c => c.Type));
        Assert.Equal("athlete 2499 🏃", r.GetColumn<string>("athlete")[^1]);
        var values = r.GetColumn<double?>("value");
        Assert.Null(values[0]);
        Assert.Equal(2499 / 4.0, values[^1]);
        Assert.Equal(250, r.Column("value").NullCount);
        Assert.Equal(new DateOnly(2024, 1, 1).AddDays(2499 % 366), r.GetColumn<DateOnly>("date")[^1]);
        Assert.Equal(new DateTime(2024, 1, 1).AddSeconds(2499), r.GetColumn<DateTime>("at")[^1]);
        Assert.Equal(r.RowCount, _c.ReadParquet(path).RowCount);
    }

    [Fact]
    public void Copying_over_an_existing_file_replaces_it_and_a_failed_copy_keeps_the_old_one()
    {
        var path = Path.Combine(_dir.Path, "out.parquet");
        _c.CopyToParquet("SELECT 1 AS v", path);
        _c.CopyToParquet("SELECT 2 AS v UNION ALL SELECT 3", path);
        Assert.Equal([2, 3], _c.Query("SELECT v FROM read_parquet(?) ORDER BY v", path).GetColumn<int>("v"));

        var e = Assert.Throws<DuckDbException>(() => _c.CopyToParquet("SELECT CAST('x' AS INTEGER) AS v", path));
        Assert.Contains("Conversion Error", e.Message);
        Assert.Contains("COPY (SELECT CAST('x' AS INTEGER) AS v)", e.Message);
        Assert.Equal([2, 3], _c.Query("SELECT v FROM read_parquet(?) ORDER BY v", path).GetColumn<int>("v"));
        Assert.Equal(["out.parquet"], Directory.GetFiles(_dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Csv_files_read_with_a_bound_path_and_csv_copies_round_trip()
    {
        var path = _dir.File("marks.csv", "athlete,event,seconds,date\nAnn,100m,11.9,2024-05-01\n\"Bea, Jr.\",200m,,2024-05-02\n");
        var r = _c.ReadCsv(path);
        Assert.Equal(["athlete", "event", "seconds", "date"], r.ColumnNames);
        Assert.Equal(["Ann", "Bea, Jr."], r.GetColumn<string>("athlete"));
        Assert.Equal([11.9, null], r.GetColumn<double?>("seconds"));
        Assert.Equal([new DateOnly(2024, 5, 1), new DateOnly(2024, 5, 2)], r.GetColumn<DateOnly>("date"));

        var copy = Path.Combine(_dir.Path, "copy.csv");
        Assert.Equal(2, _c.CopyToCsv("SELECT * FROM read_csv(?) WHERE athlete <> ?", copy, path, "nobody"));
        Assert.StartsWith("athlete,event,seconds,date\nAnn,100m,11.9,2024-05-01\n", File.ReadAllText(copy).ReplaceLineEndings("\n"));
        Assert.Equal(r.GetColumn<string>("athlete"), _c.Query("SELECT athlete FROM read_csv(?)", copy).GetColumn<string>("athlete"));

        var missing = Assert.Throws<DuckDbException>(() => _c.ReadCsv(Path.Combine(_dir.Path, "absent.csv")));
        Assert.Contains("absent.csv", missing.Message);
        Assert.Contains("read_csv(?)", missing.Message);
    }
}
