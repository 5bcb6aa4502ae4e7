using System.Buffers;
using System.Text;
using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Copies .NET column arrays into DuckDB data chunks (one vector per column, <c>duckdb_vector_size()</c>
/// rows at a time) and hands each to <c>duckdb_append_data_chunk</c>, which casts implicitly castable types to the table's.
/// </summary>
internal static unsafe class DuckDbChunkWriter
{
    private delegate void WriteVector(nint vector, int start, int count);

    internal static void Append(AppenderHandle appender, Array[] columns, int rows, string table)
    {
        var types = new nint[columns.Length];
        var writers = new WriteVector[columns.Length];
        nint chunk = 0;
        try
        {
            for (int c = 0; c < columns.Length; c++)
            {
                (var type, writers[c]) = Writer(columns[c], c, table);
                types[c] = duckdb_create_logical_type(type);
            }
            fixed (nint* t = types) chunk = duckdb_create_data_chunk(t, (ulong)types.Length);
            int vectorSize = (int)duckdb_vector_size();
            for (int start = 0; start < rows; start += vectorSize)
            {
                int count = Math.Min(vectorSize, rows - start);
                duckdb_data_chunk_reset(chunk);
                for (int c = 0; c < columns.Length; c++) writers[c](duckdb_data_chunk_get_vector(chunk, (ulong)c), start, count);
                duckdb_data_chunk_set_size(chunk, (ulong)count);
                if (duckdb_append_data_chunk(appender, chunk) != DuckDbState.Success)
                    throw new DuckDbException(Utf8(duckdb_appender_error(appender)) ?? "DuckDB refused the data chunk.", null,
                        $"Appending rows {start:N0}..{start + count - 1:N0} to table '{table}'");
            }
        }
        finally
        {
            if (chunk != 0) duckdb_destroy_data_chunk(ref chunk);
            for (int c = 0; c < types.Length; c++)
                if (types[c] != 0) duckdb_destroy_logical_type(ref types[c]);
        }
    }

    private static (DuckDbType, WriteVector) Writer(Array column, int index, string table) => column switch
    {
        bool[] a => (DuckDbType.Boolean, Values(a)),
        sbyte[] a => (DuckDbType.TinyInt, Values(a)),
        short[] a => (DuckDbType.SmallInt, Values(a)),
        int[] a => (DuckDbType.Integer, Values(a)),
        long[] a => (DuckDbType.BigInt, Values(a)),
        byte[] a => (DuckDbType.UTinyInt, Values(a)),
        ushort[] a => (DuckDbType.USmallInt, Values(a)),
        uint[] a => (DuckDbType.UInteger, Values(a)),
        ulong[] a => (DuckDbType.UBigInt, Values(a)),
        float[] a => (DuckDbType.Float, Values(a)),
        double[] a => (DuckDbType.Double, Values(a)),
        bool?[] a => (DuckDbType.Boolean, Nullables(a, v => v)),
        sbyte?[] a => (DuckDbType.TinyInt, Nullables(a, v => v)),
        short?[] a => (DuckDbType.SmallInt, Nullables(a, v => v)),
        int?[] a => (DuckDbType.Integer, Nullables(a, v => v)),
        long?[] a => (DuckDbType.BigInt, Nullables(a, v => v)),
        byte?[] a => (DuckDbType.UTinyInt, Nullables(a, v => v)),
        ushort?[] a => (DuckDbType.USmallInt, Nullables(a, v => v)),
        uint?[] a => (DuckDbType.UInteger, Nullables(a, v => v)),
        ulong?[] a => (DuckDbType.UBigInt, Nullables(a, v => v)),
        float?[] a => (DuckDbType.Float, Nullables(a, v => v)),
        double?[] a => (DuckDbType.Double, Nullables(a, v => v)),
        DateOnly[] a => (DuckDbType.Date, Converted(a, DuckDbTemporal.FromDate)),
        DateOnly?[] a => (DuckDbType.Date, Nullables(a, DuckDbTemporal.FromDate)),
        DateTime[] a => (DuckDbType.Timestamp, Converted(a, DuckDbTemporal.FromDateTime)),
        DateTime?[] a => (DuckDbType.Timestamp, Nullables(a, DuckDbTemporal.FromDateTime)),
        string?[] a => (DuckDbType.Varchar, Strings(a, (s, buffer) => Encoding.UTF8.GetBytes(s, buffer), s => Encoding.UTF8.GetMaxByteCount(s.Length))),
        byte[]?[] a => (DuckDbType.Blob, Strings(a, (b, buffer) => { b.CopyTo(buffer); return b.Length; }, b => b.Length)),
        _ => throw new ArgumentException(
            $"Column {index} for '{table}' is a {column.GetType().Name}; AppendColumns takes arrays of bool, sbyte..long, byte..ulong, float, double, " +
            "DateOnly, DateTime (or their nullable forms), string or byte[].", nameof(column)),
    };

    private static WriteVector Values<T>(T[] values) where T : unmanaged => (vector, start, count) =>
        values.AsSpan(start, count).CopyTo(new Span<T>(duckdb_vector_get_data(vector), count));

    private static WriteVector Converted<T, TNative>(T[] values, Func<T, TNative> convert) where TNative : unmanaged => (vector, start, count) =>
    {
        var target = new Span<TNative>(duckdb_vector_get_data(vector), count);
        for (int i = 0; i < count; i++) target[i] = convert(values[start + i]);
    };

    private static WriteVector Nullables<T, TNative>(T?[] values, Func<T, TNative> convert) where T : struct where TNative : unmanaged => (vector, start, count) =>
    {
        var target = new Span<TNative>(duckdb_vector_get_data(vector), count);
        ulong* validity = null;
        for (int i = 0; i < count; i++)
        {
            if (values[start + i] is { } v) { target[i] = convert(v); continue; }
            target[i] = default;
            validity = SetInvalid(vector, validity, i);
        }
    };

    private static WriteVector Strings<T>(T?[] values, Func<T, Span<byte>, int> encode, Func<T, int> maxBytes) where T : class => (vector, start, count) =>
    {
        ulong* validity = null;
        byte[] buffer = ArrayPool<byte>.Shared.Rent(1024);
        try
        {
            for (int i = 0; i < count; i++)
            {
                var value = values[start + i];
                if (value is null) { validity = SetInvalid(vector, validity, i); continue; }
                int max = maxBytes(value);
                if (max > buffer.Length)
                {
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = ArrayPool<byte>.Shared.Rent(max);
                }
                int length = encode(value, buffer);
                fixed (byte* p = buffer) duckdb_vector_assign_string_element_len(vector, (ulong)i, p, (ulong)length);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    };

    /// <summary>Marks <paramref name="row"/> NULL, making the vector's validity mask writable on first use.</summary>
    private static ulong* SetInvalid(nint vector, ulong* validity, int row)
    {
        if (validity is null)
        {
            duckdb_vector_ensure_validity_writable(vector);
            validity = duckdb_vector_get_validity(vector);
        }
        validity[row >> 6] &= ~(1UL << (row & 63));
        return validity;
    }
}
