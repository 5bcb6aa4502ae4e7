using Lib.Storage.DuckDb;

namespace Lib.Tests.Storage.DuckDb;

public sealed class DuckDbStatementTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.OpenInMemory();
    private readonly DuckDbConnection _c;

    public DuckDbStatementTests()
    {
        _c = _db.Connect();
        _c.Execute("CREATE TABLE marks (athlete VARCHAR, event VARCHAR, seconds DOUBLE, date DATE); INSERT INTO marks VALUES ('Ann', '100m', 11.9, '2024-05-01'), ('Bea', '100m', 12.4, '2024-05-02')");
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Values_of_each_type_bind_to_question_mark_and_dollar_parameters()
    {
        var r = _c.Query("SELECT $1 AS n, $2 AS b, $3 AS i, $4 AS l, $5 AS d, $6 AS f, $7 AS s, $8 AS dt, $9 AS ts, $10 AS bl, $11::INTEGER AS nothing, $1 + 1 AS again",
            7, true, 5, 9_000_000_000L, 0.25, 1.5f, "Zoë", new DateOnly(2024, 2, 29), new DateTime(2024, 2, 29, 8, 30, 0), new byte[] { 1, 2, 3 }, null);
        Assert.Equal([7], r.GetColumn<int>("n"));
        Assert.Equal([8], r.GetColumn<int>("again"));
        Assert.Equal([true], r.GetColumn<bool>("b"));
        Assert.Equal([9_000_000_000L], r.GetColumn<long>("l"));
        Assert.Equal([0.25], r.GetColumn<double>("d"));
        Assert.Equal([1.5f], r.GetColumn<float>("f"));
        Assert.Equal(["Zoë"], r.GetColumn<string>("s"));
        Assert.Equal(DuckDbType.Date, r.Column("dt").Type);
        Assert.Equal([new DateOnly(2024, 2, 29)], r.GetColumn<DateOnly>("dt"));
        Assert.Equal([new DateTime(2024, 2, 29, 8, 30, 0)], r.GetColumn<DateTime>("ts"));
        Assert.Equal([1, 2, 3], r.GetColumn<byte[]>("bl")[0]);
        Assert.Equal([null], r.GetColumn<int?>("nothing"));

        Assert.Equal(1, _c.ExecuteScalar<long>("SELECT count(*) FROM marks WHERE event = ? AND seconds < ? AND date >= ?", "100m", 12.0, new DateOnly(2024, 5, 1)));
        Assert.Equal(1, _c.Execute("UPDATE marks SET seconds = ? WHERE athlete = ?", 11.8, "Ann"));
    }

    [Fact]
    public void A_sql_injection_attempt_stays_a_value()
    {
        const string evil = "x'; DROP TABLE marks; --";
        Assert.Equal(0L, _c.ExecuteScalar<long>("SELECT count(*) FROM marks WHERE athlete = ?", evil));
        _c.Execute("INSERT INTO marks VALUES (?, ?, ?, ?)", evil, "200m", 25.0, new DateOnly(2024, 6, 1));
        Assert.Equal([evil], _c.Query("SELECT athlete FROM marks WHERE event = '200m'").GetColumn<string>("athlete"));
        Assert.Equal(3L, _c.ExecuteScalar<long>("SELECT count(*) FROM marks"));
    }

    [Fact]
    public void Prepared_statements_run_many_times_and_check_the_number_of_values()
    {
        using var insert = _c.Prepare("INSERT INTO marks VALUES (?, ?, ?, ?)");
        Assert.Equal(4, insert.ParameterCount);
        for (int i = 0; i < 50; i++) Assert.Equal(1, insert.Execute($"A{i}", "mile", 240.0 + i, new DateOnly(2024, 1, 1).AddDays(i)));
        Assert.Equal(52L, _c.ExecuteScalar<long>("SELECT count(*) FROM marks"));
        using var query = _c.Prepare("SELECT avg(seconds) AS s FROM marks WHERE event = $1");
        Assert.Equal(12.15, query.Query("100m").GetColumn<double>("s")[0], 10);
        Assert.Equal(264.5, query.Query("mile").GetColumn<double>("s")[0], 10);

        var e = Assert.Throws<ArgumentException>(() => insert.Execute("only one"));
        Assert.Contains("has 4 parameters but 1 value was given", e.Message);
        Assert.Contains("INSERT INTO marks", e.Message);
        var type = Assert.Throws<ArgumentException>(() => _c.Query("SELECT ?", TimeSpan.FromSeconds(1)));
        Assert.Contains("Parameter $1 is a TimeSpan", type.Message);
    }

    [Fact]
    public void Errors_carry_duckdbs_text_and_the_sql()
    {
        var missing = Assert.Throws<DuckDbException>(() => _c.Query("SELECT * FROM no_such_table"));
        Assert.Contains("no_such_table", missing.DuckDbError);
        Assert.Contains("Catalog Error", missing.Message);
        Assert.Contains("SQL: SELECT * FROM no_such_table", missing.Message);
        Assert.Equal("SELECT * FROM no_such_table", missing.Sql);

        var syntax = Assert.Throws<DuckDbException>(() => _c.Query("SELEC 1 FROM marks WHERE athlete = ?", "Ann"));
        Assert.Contains("Parser Error", syntax.Message);
        Assert.Contains("SELEC 1", syntax.Message);

        var runtime = Assert.Throws<DuckDbException>(() => _c.Query("SELECT CAST(athlete AS INTEGER) FROM marks"));
        Assert.Contains("Conversion Error", runtime.Message);
        Assert.Contains("Ann", runtime.Message);

        var prepared = Assert.Throws<DuckDbException>(() => _c.Prepare("SELECT nope FROM marks"));
        Assert.Contains("nope", prepared.DuckDbError);
        Assert.Contains("SQL: SELECT nope FROM marks", prepared.Message);

        // The connection still works after errors.
        Assert.Equal(2L, _c.ExecuteScalar<long>("SELECT count(*) FROM marks"));
    }

    [Fact]
    public void Disposed_objects_throw_ObjectDisposedException_and_disposing_twice_is_harmless()
    {
        var db = DuckDbDatabase.OpenInMemory();
        var c = db.Connect();
        var statement = c.Prepare("SELECT 42");
        Assert.Equal(42, statement.Query().GetColumn<int>(0)[0]);
        statement.Dispose();
        statement.Dispose();
        Assert.Throws<ObjectDisposedException>(() => statement.Query());

        var other = c.Prepare("SELECT 1");
        c.Dispose();
        Assert.Throws<ObjectDisposedException>(() => c.Query("SELECT 1"));
        Assert.Throws<ObjectDisposedException>(() => other.Query()); // the connection disposed its statements
        Assert.Throws<ObjectDisposedException>(() => c.CreateAppender("t"));

        var c2 = db.Connect();
        db.Dispose();
        Assert.Throws<ObjectDisposedException>(() => c2.Query("SELECT 1")); // the database disposed its connections
        Assert.Throws<ObjectDisposedException>(() => db.Connect());
        db.Dispose();
    }

    [Fact]
    public void A_file_database_keeps_its_data_and_is_released_on_dispose()
    {
        using var dir = new TempDir();
        var path = Path.Combine(dir.Path, "lab.duckdb");
        using (var db = DuckDbDatabase.Open(path))
        {
            using var c = db.Connect();
            c.Execute("CREATE TABLE t AS SELECT range AS i FROM range(5)");
        }
        using (var db = DuckDbDatabase.Open(path, new Dictionary<string, string> { ["access_mode"] = "READ_ONLY", ["threads"] = "1" }))
        {
            Assert.Equal(path, db.Path);
            using var c = db.Connect();
            Assert.Equal(10L, c.ExecuteScalar<long>("SELECT sum(i)::BIGINT FROM t"));
            var e = Assert.Throws<DuckDbException>(() => c.Execute("INSERT INTO t VALUES (5)"));
            Assert.Contains("read-only", e.Message);
        }
        var bad = Assert.Throws<DuckDbException>(() => DuckDbDatabase.Open(path, new Dictionary<string, string> { ["no_such_setting"] = "1" }));
        Assert.Contains("no_such_setting", bad.Message);
        Assert.Contains(path, bad.Message);
        Assert.StartsWith("v1.", DuckDbDatabase.LibraryVersion);
    }
}
