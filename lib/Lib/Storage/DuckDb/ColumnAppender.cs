using DuckDB.NET.Data;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;
using NativeAppender = DuckDB.NET.Native.DuckDBAppender;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Appends whole .NET arrays as a table's columns, a data chunk of DuckDB's vector size at a time, through the
/// C API functions that DuckDB.NET's bindings expose (its own <see cref="DuckDB.NET.Data.DuckDBAppender"/> appends
/// row by row). Ours because bulk loads of columns copy memory straight into DuckDB's vectors instead of making
/// one call per value.
/// </summary>
public static class ColumnAppender
{
    /// <summary>
    /// Appends <paramref name="columns"/> (the table's columns in order, equal lengths) to <paramref name="table"/>.
    /// Element types must match the column types exactly: <c>bool</c> BOOLEAN, <c>sbyte</c> TINYINT, <c>short</c>
    /// SMALLINT, <c>int</c> INTEGER, <c>long</c> BIGINT, <c>float</c> FLOAT, <c>double</c> DOUBLE, <c>string</c>
    /// VARCHAR, <c>DateOnly</c> DATE, <c>DateTime</c> TIMESTAMP; nullable forms and <c>null</c> strings are NULL.
    /// </summary>
    /// <exception cref="ArgumentException">
    /// Wrong number of columns, lengths that differ, or a type that does not match.
    /// </exception>
    /// <exception cref="InvalidOperationException">
    /// DuckDB refused the appender or the rows (no such table, a constraint); DuckDB's text says why.
    /// </exception>
    public static void AppendColumns(this DuckDBConnection connection, string table, params Array[] columns)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentException.ThrowIfNullOrEmpty(table);
        ArgumentNullException.ThrowIfNull(columns);
        int rows = columns.Length == 0 ? 0 : columns[0].Length;
        foreach (var column in columns)
            if (column.Length != rows)
                throw new ArgumentException(
                    $"Appending to '{table}': the columns have different lengths ({rows} and {column.Length})."
                );

        var state = Appender.DuckDBAppenderCreate(connection.NativeConnection, null, table, out var appender);
        using (appender)
        {
            if (state != DuckDBState.Success)
                throw Error(appender, table, "could not create the appender");
            var writers = Writers(appender, table, columns);
            try
            {
                Append(appender, table, writers, rows);
            }
            finally
            {
                foreach (var w in writers)
                    w.LogicalType.Dispose();
            }
        }
    }

    private static void Append(NativeAppender appender, string table, ColumnWriter[] writers, int rows)
    {
        var types = writers.Select(w => w.LogicalType.DangerousGetHandle()).ToArray();
        using var chunk = DataChunks.DuckDBCreateDataChunk(types, (ulong)types.Length);
        int size = (int)Helpers.DuckDBVectorSize();
        for (int start = 0; start < rows; start += size)
        {
            int count = Math.Min(size, rows - start);
            DataChunks.DuckDBDataChunkReset(chunk);
            for (int c = 0; c < writers.Length; c++)
                writers[c].Write(DataChunks.DuckDBDataChunkGetVector(chunk, c), start, count);
            DataChunks.DuckDBDataChunkSetSize(chunk, (ulong)count);
            if (Appender.DuckDBAppendDataChunk(appender, chunk) != DuckDBState.Success)
                throw Error(appender, table, $"refused rows {start + 1} to {start + count}");
        }
        if (Appender.DuckDBAppenderClose(appender) != DuckDBState.Success)
            throw Error(appender, table, "could not flush");
    }

    private static ColumnWriter[] Writers(NativeAppender appender, string table, Array[] columns)
    {
        int count = (int)Appender.DuckDBAppenderColumnCount(appender);
        if (count != columns.Length)
            throw new ArgumentException(
                $"Appending to '{table}': the table has {count} columns, but {columns.Length} were given."
            );
        var writers = new ColumnWriter[count];
        int made = 0;
        try
        {
            for (; made < count; made++)
            {
                var logical = Appender.DuckDBAppenderColumnType(appender, (ulong)made);
                var type = LogicalType.DuckDBGetTypeId(logical);
                writers[made] = ColumnWriter.For(columns[made], type, logical)
                    ?? Mismatch(logical, table, made, type, columns[made]);
            }
            return writers;
        }
        catch
        {
            for (int c = 0; c < made; c++)
                writers[c].LogicalType.Dispose(); // the mismatched column's is released by Mismatch
            throw;
        }
    }

    private static ColumnWriter Mismatch(
        DuckDBLogicalType logical,
        string table,
        int column,
        DuckDBType type,
        Array values
    )
    {
        logical.Dispose();
        var element = values.GetType().GetElementType()!.Name;
        throw new ArgumentException(
            $"Appending to '{table}': column {column + 1} is {type}, which a {element}[] "
                + "cannot fill (see ColumnAppender.AppendColumns for the types)."
        );
    }

    private static InvalidOperationException Error(NativeAppender appender, string table, string what)
    {
        using var error = Appender.DuckDBAppenderErrorData(appender);
        var text = ErrorData.DuckDBErrorDataHasError(error)
            ? ErrorData.DuckDBErrorDataMessage(error)
            : "no reason given";
        return new InvalidOperationException($"Appending to '{table}': DuckDB {what}: {text}");
    }
}
