using Lib.Storage.DuckDb;

namespace Lib.Tests.Storage;

public class DuckDbTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Values_are_bound_as_parameters_never_spliced()
    {
        using var sql = DuckDb.OpenInMemory();
        sql.Execute("CREATE TABLE t (name VARCHAR, day DATE, x DOUBLE)");
        sql.Execute("INSERT INTO t VALUES (?, ?, ?)", "O'Brien'); DROP TABLE t; --", new DateOnly(2024, 2, 29), null);
        var result = sql.Query("SELECT * FROM t WHERE name LIKE ?", "O'%");
        Assert.Equal(["O'Brien'); DROP TABLE t; --"], result.GetColumn<string>("name"));
        Assert.Equal([new DateOnly(2024, 2, 29)], result.GetColumn<DateOnly>("day"));
        Assert.Equal([null], result.GetColumn<double?>("x"));
    }

    [Fact]
    public void Columns_read_as_their_type_a_widening_or_a_nullable_form_and_refuse_the_rest()
    {
        using var sql = DuckDb.OpenInMemory();
        var r = sql.Query("SELECT * FROM (VALUES (1, 2.5::FLOAT, DATE '2024-01-02', 'a'), (2, NULL, DATE '2024-01-03', NULL)) t(i, f, d, s)");
        Assert.Equal(typeof(int), r.Column("i").ClrType);
        Assert.Equal([1L, 2L], r.GetColumn<long>("i"));
        Assert.Equal([1.0, 2.0], r.GetColumn<double>("i"));
        Assert.Equal([2.5, null], r.GetColumn<double?>("f"));
        Assert.Equal([new DateTime(2024, 1, 2), new DateTime(2024, 1, 3)], r.GetColumn<DateTime>("d"));
        Assert.Equal(new string?[] { "a", null }, r.GetColumn<string?>("s"));
        var nulls = Assert.Throws<InvalidCastException>(() => r.GetColumn<float>("f"));
        Assert.Contains("Column 'f' (FLOAT) has 1 NULL values", nulls.Message);
        var narrowing = Assert.Throws<InvalidCastException>(() => r.GetColumn<short>("i"));
        Assert.Contains("Column 'i' is INTEGER", narrowing.Message);
        var missing = Assert.Throws<KeyNotFoundException>(() => r.Column("nope"));
        Assert.Contains("it has i (INTEGER), f (FLOAT), d (DATE), s (VARCHAR)", missing.Message);
    }

    [Fact]
    public void Whole_columns_append_with_nulls_across_several_chunks()
    {
        using var sql = DuckDb.OpenInMemory();
        sql.Execute("CREATE TABLE t (id BIGINT, name VARCHAR, value DOUBLE, place INTEGER, day DATE, ok BOOLEAN)");
        int n = 5000; // more than two of DuckDB's 2048-row vectors
        var ids = Enumerable.Range(0, n).Select(i => (long)i).ToArray();
        var names = Enumerable.Range(0, n).Select(i => i % 7 == 0 ? null : $"Zoë {i}").ToArray();
        var values = Enumerable.Range(0, n).Select(i => i % 5 == 0 ? (double?)null : i / 4.0).ToArray();
        var places = Enumerable.Range(0, n).Select(i => i % 3 == 0 ? (int?)null : i).ToArray();
        var days = Enumerable.Range(0, n).Select(i => new DateOnly(2000, 1, 1).AddDays(i)).ToArray();
        var oks = Enumerable.Range(0, n).Select(i => i % 2 == 0).ToArray();
        sql.AppendColumns("t", ids, names, values, places, days, oks);
        var r = sql.Query("SELECT * FROM t ORDER BY id");
        Assert.Equal(ids, r.GetColumn<long>("id"));
        Assert.Equal(names, r.GetColumn<string?>("name"));
        Assert.Equal(values, r.GetColumn<double?>("value"));
        Assert.Equal(places, r.GetColumn<int?>("place"));
        Assert.Equal(days, r.GetColumn<DateOnly>("day"));
        Assert.Equal(oks, r.GetColumn<bool>("ok"));
    }

    [Fact]
    public void Appended_strings_are_valid_utf8_even_from_a_lone_surrogate()
    {
        using var sql = DuckDb.OpenInMemory();
        sql.Execute("CREATE TABLE t (name VARCHAR)");
        sql.AppendColumns("t", new[] { "Zoë 李娜", "half \uD800 pair", "" });
        Assert.Equal(["Zoë 李娜", "half \uFFFD pair", ""], sql.Query("SELECT name FROM t").GetColumn<string>("name"));
        Assert.Equal(3, sql.ExecuteScalar<long>("SELECT count(*) FROM t WHERE length(name) >= 0"));
    }

    [Fact]
    public void Appending_columns_that_do_not_fit_the_table_is_refused_with_the_reason()
    {
        using var sql = DuckDb.OpenInMemory();
        sql.Execute("CREATE TABLE t (id BIGINT, name VARCHAR)");
        var count = Assert.Throws<ArgumentException>(() => sql.AppendColumns("t", new long[] { 1 }));
        Assert.Contains("the table has 2 columns, but 1 were given", count.Message);
        var type = Assert.Throws<ArgumentException>(() => sql.AppendColumns("t", new int[] { 1 }, new[] { "a" }));
        Assert.Contains("column 1 is BigInt, which a Int32[] cannot fill", type.Message);
        var table = Assert.Throws<InvalidOperationException>(() => sql.AppendColumns("nope", new long[] { 1 }));
        Assert.Contains("Appending to 'nope'", table.Message);
    }

    [Fact]
    public void Copy_writes_atomically_and_a_failed_copy_keeps_the_old_file()
    {
        using var sql = DuckDb.OpenInMemory();
        var path = Path.Combine(_dir.Path, "out", "t.parquet");
        Assert.Equal(3, sql.CopyToParquet("SELECT * FROM range(3) r(i)", path));
        Assert.ThrowsAny<Exception>(() => sql.CopyToParquet("SELECT i / 0 :: INTEGER FROM range(3) r(i) WHERE error('boom') IS NULL", path));
        Assert.Equal([0L, 1L, 2L], sql.ReadParquet(path).GetColumn<long>("i"));
        Assert.Equal(["t.parquet"], Directory.GetFiles(Path.GetDirectoryName(path)!).Select(Path.GetFileName));
        var csv = Path.Combine(_dir.Path, "t.csv");
        sql.CopyToCsv("SELECT 'a,b' AS x, 1 AS y", csv);
        Assert.Equal("x,y\n\"a,b\",1\n", File.ReadAllText(csv));
    }

    [Fact]
    public void A_result_shows_as_a_table()
    {
        using var sql = DuckDb.OpenInMemory();
        var text = sql.Query("SELECT 'Zoë' AS name, NULL::INTEGER AS place").ToString();
        Assert.Contains("name", text);
        Assert.Contains("Zoë", text);
        Assert.StartsWith("v1.", DuckDb.LibraryVersion);
    }
}
