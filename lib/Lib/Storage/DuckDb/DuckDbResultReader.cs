using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>Turns a native <c>duckdb_result</c> into a <see cref="DuckDbResult"/> (chunk by chunk) or a <see cref="DuckDbException"/>, and destroys it.</summary>
internal static class DuckDbResultReader
{
    /// <summary>Reads the result of a call that returned <paramref name="state"/>, then destroys the native result whatever happens.</summary>
    internal static DuckDbResult ReadAndDestroy(DuckDbState state, ref NativeResult native, string sql)
    {
        try
        {
            if (state != DuckDbState.Success)
                throw new DuckDbException(Utf8(duckdb_result_error(ref native)) ?? "DuckDB reported an error without a message.", sql);
            return Read(ref native, sql);
        }
        finally
        {
            duckdb_destroy_result(ref native);
        }
    }

    private static DuckDbResult Read(ref NativeResult native, string sql)
    {
        int columnCount = checked((int)duckdb_column_count(ref native));
        var builders = new DuckDbColumnBuilder[columnCount];
        for (int c = 0; c < columnCount; c++)
        {
            string name = Utf8(duckdb_column_name(ref native, (ulong)c)) ?? $"column{c}";
            nint logicalType = duckdb_column_logical_type(ref native, (ulong)c);
            try { builders[c] = DuckDbColumnBuilder.For(name, logicalType, sql); }
            finally { duckdb_destroy_logical_type(ref logicalType); }
        }
        long rowsChanged = (long)duckdb_rows_changed(ref native);

        long rows = 0;
        for (nint chunk = duckdb_fetch_chunk(native); chunk != 0; chunk = duckdb_fetch_chunk(native))
        {
            try
            {
                int size = checked((int)duckdb_data_chunk_get_size(chunk));
                if (rows + size > Array.MaxLength)
                    throw new InvalidOperationException($"The result has more than {Array.MaxLength:N0} rows, more than a .NET array holds; aggregate or page it in SQL.\nSQL: {sql}");
                for (int c = 0; c < columnCount; c++) builders[c].Append(duckdb_data_chunk_get_vector(chunk, (ulong)c), size);
                rows += size;
            }
            finally
            {
                duckdb_destroy_data_chunk(ref chunk);
            }
        }
        if (Utf8(duckdb_result_error(ref native)) is { } error) throw new DuckDbException(error, sql);
        return new DuckDbResult(sql, [.. builders.Select(b => b.Build())], (int)rows, rowsChanged);
    }
}
