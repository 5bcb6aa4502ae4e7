using Lib.Storage.DuckDb;

namespace Lib.Tests.Storage.DuckDb;

public sealed class DuckDbAppenderTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.OpenInMemory();
    private readonly DuckDbConnection _c;

    public DuckDbAppenderTests()
    {
        _c = _db.Connect();
        _c.Execute("CREATE TABLE marks (id BIGINT, athlete VARCHAR, seconds DOUBLE, date DATE, ts TIMESTAMP, legal BOOLEAN, place INTEGER)");
    }

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Rows_appended_value_by_value_arrive_with_their_types_and_nulls()
    {
        using (var appender = _c.CreateAppender("marks"))
        {
            Assert.Equal([DuckDbType.BigInt, DuckDbType.Varchar, DuckDbType.Double, DuckDbType.Date, DuckDbType.Timestamp, DuckDbType.Boolean, DuckDbType.Integer],
                appender.ColumnTypes);
            appender.AppendRow(1L, "Ann Long-Name-Über", 11.9, new DateOnly(2024, 5, 1), new DateTime(2024, 5, 1, 18, 0, 0), true, 1);
            appender.AppendRow(2, null, 12.4, null, null, false, null); // int into BIGINT: DuckDB casts
            appender.Append(3L).Append("Cal").Append(24.8).Append(new DateOnly(2024, 5, 3)).Append(new DateTime(2024, 5, 3)).Append(true).AppendNull().EndRow();
            Assert.Equal(0L, _c.ExecuteScalar<long>("SELECT count(*) FROM marks")); // not flushed yet
        }
        var r = _c.Query("SELECT * FROM marks ORDER BY id");
        Assert.Equal([1L, 2L, 3L], r.GetColumn<long>("id"));
        var athletes = r.GetColumn<string?>("athlete");
        Assert.Equal("Ann Long-Name-Über", athletes[0]);
        Assert.Null(athletes[1]);
        Assert.Equal([new DateOnly(2024, 5, 1), null, new DateOnly(2024, 5, 3)], r.GetColumn<DateOnly?>("date"));
        Assert.Equal([1, null, null], r.GetColumn<int?>("place"));
        Assert.Equal([true, false, true], r.GetColumn<bool>("legal"));
    }

    [Fact]
    public void Whole_columns_append_across_many_chunks_with_nulls()
    {
        const int n = 5000;
        var ids = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
        var athletes = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? null : $"athlete number {i}").ToArray();
        var seconds = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? (double?)null : i * 0.5).ToArray();
        var dates = Enumerable.Range(0, n).Select(i => new DateOnly(2020, 1, 1).AddDays(i % 1000)).ToArray();
        var at = Enumerable.Range(0, n).Select(i => new DateTime(2020, 1, 1).AddMinutes(i)).ToArray();
        var legal = Enumerable.Range(0, n).Select(i => i % 2 == 0).ToArray();
        var place = Enumerable.Range(0, n).Select(i => (short)(i % 8)).ToArray(); // SMALLINT into INTEGER: DuckDB casts

        using (var appender = _c.CreateAppender("marks"))
        {
            appender.AppendColumns(ids, athletes, seconds, dates, at, legal, place);
            appender.Flush();
            Assert.Equal((long)n, _c.ExecuteScalar<long>("SELECT count(*) FROM marks"));
        }

        var r = _c.Query("SELECT * FROM marks ORDER BY id");
        Assert.Equal(ids, r.GetColumn<long>("id"));
        Assert.Equal(athletes, r.GetColumn<string?>("athlete"));
        Assert.Equal(seconds, r.GetColumn<double?>("seconds"));
        Assert.Equal(dates, r.GetColumn<DateOnly>("date"));
        Assert.Equal(at, r.GetColumn<DateTime>("ts"));
        Assert.Equal(legal, r.GetColumn<bool>("legal"));
        Assert.Equal(place.Select(p => (int)p), r.GetColumn<int>("place"));
    }

    [Fact]
    public void Duckdbs_errors_surface_with_the_table_name()
    {
        var missing = Assert.Throws<DuckDbException>(() => _c.CreateAppender("no_such_table"));
        Assert.Contains("no_such_table", missing.Message);

        var appender = _c.CreateAppender("marks");
        var tooFew = Assert.Throws<DuckDbException>(() => appender.AppendRow(1L, "Ann"));
        Assert.Contains("Appending to table 'marks'", tooFew.Message);
        Assert.False(string.IsNullOrWhiteSpace(tooFew.DuckDbError));
        appender.Dispose(); // the incomplete row is discarded, not flushed
        Assert.Throws<ObjectDisposedException>(() => appender.AppendRow(1L));
        Assert.Equal(0L, _c.ExecuteScalar<long>("SELECT count(*) FROM marks"));

        using var columns = _c.CreateAppender("marks");
        var count = Assert.Throws<ArgumentException>(() => columns.AppendColumns(new long[] { 1 }));
        Assert.Contains("has 7 columns but 1 arrays", count.Message);
        var bad = Assert.Throws<DuckDbException>(() => columns.AppendColumns(
            new long[] { 1 }, new[] { "Ann" }, new[] { "not a number" }, new[] { new DateOnly(2024, 1, 1) }, new[] { DateTime.Now }, new[] { true }, new[] { 1 }));
        Assert.Contains("expected DOUBLE", bad.Message);
        Assert.Contains("'marks'", bad.Message);
    }
}
