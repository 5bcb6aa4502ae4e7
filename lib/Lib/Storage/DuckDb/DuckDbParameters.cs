using System.Text;
using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Binds .NET values to a prepared statement's parameters (<c>?</c> or <c>$1</c>, counted from 1). Values
/// travel as typed values, never as SQL text, so a string such as <c>'; DROP TABLE x; --</c> stays a string.
/// </summary>
internal static unsafe class DuckDbParameters
{
    /// <summary>The .NET types a parameter may have (and <c>null</c>).</summary>
    internal const string Supported = "bool, sbyte, byte, short, ushort, int, uint, long, ulong, float, double, string, DateOnly, DateTime, byte[]";

    internal static void BindAll(PreparedStatementHandle statement, object?[] values, string sql)
    {
        int expected = checked((int)duckdb_nparams(statement));
        if (values.Length != expected)
            throw new ArgumentException(
                $"The statement has {expected} parameter{(expected == 1 ? "" : "s")} but {values.Length} value{(values.Length == 1 ? " was" : "s were")} given.\nSQL: {sql}",
                nameof(values));
        duckdb_clear_bindings(statement);
        for (int i = 0; i < values.Length; i++)
        {
            ulong index = (ulong)i + 1;
            var state = Bind(statement, index, values[i], sql);
            if (state != DuckDbState.Success)
                throw new DuckDbException($"DuckDB refused the value for parameter ${index} ({values[i]?.GetType().Name ?? "null"}).", sql);
        }
    }

    private static DuckDbState Bind(PreparedStatementHandle s, ulong i, object? value, string sql) => value switch
    {
        null or DBNull => duckdb_bind_null(s, i),
        bool v => duckdb_bind_boolean(s, i, v),
        sbyte v => duckdb_bind_int8(s, i, v),
        short v => duckdb_bind_int16(s, i, v),
        int v => duckdb_bind_int32(s, i, v),
        long v => duckdb_bind_int64(s, i, v),
        byte v => duckdb_bind_uint8(s, i, v),
        ushort v => duckdb_bind_uint16(s, i, v),
        uint v => duckdb_bind_uint32(s, i, v),
        ulong v => duckdb_bind_uint64(s, i, v),
        float v => duckdb_bind_float(s, i, v),
        double v => duckdb_bind_double(s, i, v),
        DateOnly v => duckdb_bind_date(s, i, DuckDbTemporal.FromDate(v)),
        DateTime v => duckdb_bind_timestamp(s, i, DuckDbTemporal.FromDateTime(v)),
        string v => BindText(s, i, v),
        byte[] v => BindBlob(s, i, v),
        _ => throw new ArgumentException(
            $"Parameter ${i} is a {value.GetType().Name}, which the binding does not bind; use one of {Supported}, or convert it in SQL.\nSQL: {sql}"),
    };

    private static DuckDbState BindText(PreparedStatementHandle s, ulong i, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        byte empty = 0; // DuckDB copies (pointer, length); never hand it a null pointer
        fixed (byte* p = bytes) return duckdb_bind_varchar_length(s, i, bytes.Length == 0 ? &empty : p, (ulong)bytes.Length);
    }

    private static DuckDbState BindBlob(PreparedStatementHandle s, ulong i, byte[] data)
    {
        byte empty = 0;
        fixed (byte* p = data) return duckdb_bind_blob(s, i, data.Length == 0 ? &empty : p, (ulong)data.Length);
    }
}
