using Lib.Storage.DuckDb;

namespace Lib.Tests.Storage.DuckDb;

public sealed class DuckDbTypesTests : IDisposable
{
    private readonly DuckDbDatabase _db = DuckDbDatabase.OpenInMemory();
    private readonly DuckDbConnection _c;

    public DuckDbTypesTests() => _c = _db.Connect();

    public void Dispose() => _db.Dispose();

    [Fact]
    public void Every_supported_type_reads_back_with_its_duckdb_type_and_nulls()
    {
        var r = _c.Query("""
            SELECT * FROM (VALUES
              (true, -8::TINYINT, -16::SMALLINT, -32::INTEGER, -64::BIGINT, 8::UTINYINT, 16::USMALLINT, 32::UINTEGER,
               18446744073709551615::UBIGINT, 1.5::FLOAT, 2.25::DOUBLE, 'short', DATE '2024-02-29', TIMESTAMP '2024-02-29 13:45:01.123456',
               170141183460469231731687303715884105727::HUGEINT, 12.345::DECIMAL(9,3), TIME '23:59:58.5', '\xAA\xBB'::BLOB),
              (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL)
            ) t(b, i8, i16, i32, i64, u8, u16, u32, u64, f, d, s, dt, ts, h, dec, tm, bl)
            """);
        Assert.Equal(2, r.RowCount);
        Assert.Equal(
            [DuckDbType.Boolean, DuckDbType.TinyInt, DuckDbType.SmallInt, DuckDbType.Integer, DuckDbType.BigInt, DuckDbType.UTinyInt,
             DuckDbType.USmallInt, DuckDbType.UInteger, DuckDbType.UBigInt, DuckDbType.Float, DuckDbType.Double, DuckDbType.Varchar,
             DuckDbType.Date, DuckDbType.Timestamp, DuckDbType.HugeInt, DuckDbType.Decimal, DuckDbType.Time, DuckDbType.Blob],
            r.Columns.Select(c => c.Type));
        Assert.All(r.Columns, c => Assert.Equal(1, c.NullCount));

        Assert.Equal([true, null], r.GetColumn<bool?>("b"));
        Assert.Equal([(sbyte)-8, null], r.GetColumn<sbyte?>("i8"));
        Assert.Equal([(short)-16, null], r.GetColumn<short?>("i16"));
        Assert.Equal([-32, null], r.GetColumn<int?>("i32"));
        Assert.Equal([-64L, null], r.GetColumn<long?>("i64"));
        Assert.Equal([(byte)8, null], r.GetColumn<byte?>("u8"));
        Assert.Equal([(ushort)16, null], r.GetColumn<ushort?>("u16"));
        Assert.Equal([32u, null], r.GetColumn<uint?>("u32"));
        Assert.Equal([ulong.MaxValue, null], r.GetColumn<ulong?>("u64"));
        Assert.Equal([1.5f, null], r.GetColumn<float?>("f"));
        Assert.Equal([2.25, null], r.GetColumn<double?>("d"));
        var s = r.GetColumn<string?>("s");
        Assert.Equal("short", s[0]);
        Assert.Null(s[1]);
        Assert.Equal([new DateOnly(2024, 2, 29), null], r.GetColumn<DateOnly?>("dt"));
        Assert.Equal([new DateTime(2024, 2, 29, 13, 45, 1).AddTicks(1_234_560), null], r.GetColumn<DateTime?>("ts"));
        Assert.Equal([Int128.MaxValue, null], r.GetColumn<Int128?>("h"));
        Assert.Equal([12.345m, null], r.GetColumn<decimal?>("dec"));
        Assert.Equal("DECIMAL(9,3)", r.Column("dec").TypeName);
        Assert.Equal([new TimeOnly(23, 59, 58, 500), null], r.GetColumn<TimeOnly?>("tm"));
        var blobs = r.GetColumn<byte[]?>("bl");
        Assert.Equal([0xAA, 0xBB], blobs[0]);
        Assert.Null(blobs[1]);
        Assert.Equal([true, false], r.GetValidity("s"));
        Assert.True(r.Column("i32").IsNull(1));
        Assert.Null(r[1, "d"]);
        Assert.Equal(-32, r[0, "i32"]);
    }

    [Fact]
    public void Strings_longer_than_the_twelve_inlined_bytes_and_unicode_survive()
    {
        string[] values = ["", "twelve bytes", "thirteen byte", "Zürich–Genève 🧗 ŝŭ", new string('x', 5000), "日本語のテキスト"];
        _c.Execute("CREATE TABLE s (v VARCHAR)");
        foreach (var v in values) _c.Execute("INSERT INTO s VALUES (?)", v);
        Assert.Equal(values, _c.Query("SELECT v FROM s ORDER BY rowid").GetColumn<string>("v"));
        Assert.Equal(values.Select(v => (long)System.Text.Encoding.UTF8.GetByteCount(v)),
            _c.Query("SELECT strlen(v) AS n FROM s ORDER BY rowid").GetColumn<long>("n"));
    }

    [Fact]
    public void Results_larger_than_one_chunk_are_read_completely_in_order()
    {
        var r = _c.Query("""
            SELECT i, i * 0.5 AS half, CASE WHEN i % 3 = 0 THEN NULL ELSE 'row ' || i END AS label, 'event number ' || (i % 12) AS event
            FROM range(10000) t(i) ORDER BY i
            """);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => $"event number {i % 12}"), r.GetColumn<string>("event"));
        Assert.Equal(10_000, r.RowCount);
        var ids = r.GetColumn<long>("i");
        Assert.Equal(Enumerable.Range(0, 10_000).Select(i => (long)i), ids);
        Assert.Equal(9999 * 0.5, r.GetColumn<double>("half")[^1]);
        var labels = r.GetColumn<string?>("label");
        Assert.Equal(3334, labels.Count(l => l is null));
        Assert.Equal("row 9998", labels[9998]);
        Assert.Null(labels[9999]);
        Assert.Equal(3334, r.Column("label").NullCount);
    }

    [Fact]
    public void Lossless_widenings_are_allowed_and_other_types_are_refused_naming_the_column()
    {
        var r = _c.Query("SELECT 7::INTEGER AS n, 1.5::FLOAT AS f, DATE '2020-01-02' AS d, 'x' AS s, 2.5 AS dec, NULL::DOUBLE AS nothing");
        Assert.Equal([7L], r.GetColumn<long>("n"));
        Assert.Equal([7.0], r.GetColumn<double>("n"));
        Assert.Equal([1.5], r.GetColumn<double>("f"));
        Assert.Equal([new DateTime(2020, 1, 2)], r.GetColumn<DateTime>("d"));
        Assert.Equal([2.5], r.GetColumn<double>("dec"));
        Assert.Equal([(object)"x"], r.GetColumn<object>("s"));

        var e = Assert.Throws<InvalidCastException>(() => r.GetColumn<double>("s"));
        Assert.Contains("Column 's' is VARCHAR", e.Message);
        Assert.Contains("cannot be read as double[]", e.Message);
        Assert.Contains("string[]", e.Message);
        Assert.Throws<InvalidCastException>(() => r.GetColumn<short>("n"));
        Assert.Throws<InvalidCastException>(() => r.GetColumn<float>("n"));

        var nulls = Assert.Throws<InvalidCastException>(() => r.GetColumn<double>("nothing"));
        Assert.Contains("'nothing' (DOUBLE) has 1 NULL", nulls.Message);
        Assert.Contains("double?[]", nulls.Message);
        Assert.Equal([null], r.GetColumn<double?>("nothing"));

        var missing = Assert.Throws<KeyNotFoundException>(() => r.GetColumn<int>("nope"));
        Assert.Contains("no column 'nope'", missing.Message);
        Assert.Contains("n (INTEGER)", missing.Message);
    }

    [Fact]
    public void Timestamps_of_every_precision_enums_uuids_and_bare_nulls_read()
    {
        var r = _c.Query("""
            SELECT TIMESTAMP_S '2001-02-03 04:05:06' AS s, TIMESTAMP_MS '2001-02-03 04:05:06.789' AS ms,
                   TIMESTAMP_NS '2001-02-03 04:05:06.7891234' AS ns, TIMESTAMPTZ '2001-02-03 04:05:06+00' AS tz,
                   'b'::ENUM('a', 'b') AS e, '00112233-4455-6677-8899-aabbccddeeff'::UUID AS u, NULL AS n,
                   'infinity'::DATE AS inf
            """);
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6), r.GetColumn<DateTime>("s")[0]);
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6, 789), r.GetColumn<DateTime>("ms")[0]);
        Assert.Equal(new DateTime(2001, 2, 3, 4, 5, 6).AddTicks(7_891_234), r.GetColumn<DateTime>("ns")[0]);
        Assert.Equal(DateTimeKind.Utc, r.GetColumn<DateTime>("tz")[0].Kind);
        Assert.Equal(DuckDbType.Enum, r.Column("e").Type);
        Assert.Equal(["b"], r.GetColumn<string>("e"));
        Assert.Equal([Guid.Parse("00112233-4455-6677-8899-aabbccddeeff")], r.GetColumn<Guid>("u"));
        Assert.Equal([null], r.GetColumn<int?>("n"));
        Assert.Throws<InvalidCastException>(() => r.GetColumn<int>("n"));
        Assert.Equal([DateOnly.MaxValue], r.GetColumn<DateOnly>("inf"));
    }

    [Fact]
    public void An_unsupported_type_is_an_error_that_names_the_column_and_suggests_a_cast()
    {
        var e = Assert.Throws<DuckDbException>(() => _c.Query("SELECT [1, 2, 3] AS marks"));
        Assert.Contains("Column 'marks' has type LIST", e.Message);
        Assert.Contains("CAST(marks AS VARCHAR)", e.Message);
        Assert.Contains("SQL: SELECT [1, 2, 3] AS marks", e.Message);
    }

    [Fact]
    public void Scalars_convert_and_an_empty_result_is_an_error()
    {
        Assert.Equal(10_000L, _c.ExecuteScalar<long>("SELECT count(*) FROM range(10000)"));
        Assert.Equal(3.0, _c.ExecuteScalar<double>("SELECT 3::INTEGER"));
        Assert.Null(_c.ExecuteScalar<string>("SELECT NULL::VARCHAR"));
        Assert.Equal(45, _c.ExecuteScalar<Int128>("SELECT sum(i::INTEGER) FROM range(10) t(i)"));
        var e = Assert.Throws<InvalidOperationException>(() => _c.ExecuteScalar<int>("SELECT 1 WHERE false"));
        Assert.Contains("returned 0 rows", e.Message);
        Assert.Contains("SELECT 1 WHERE false", e.Message);
    }
}
