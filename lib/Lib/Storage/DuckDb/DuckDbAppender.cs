using System.Buffers;
using System.Text;
using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>
/// DuckDB's bulk loader for one table (<see cref="DuckDbConnection.CreateAppender"/>): rows value by value
/// (<see cref="AppendRow"/>, or <c>Append</c> … <see cref="EndRow"/>) or whole columns at once
/// (<see cref="AppendColumns"/>, the fast path). Single values are cast to the column's type by DuckDB.
/// Rows become visible on <see cref="Flush"/>, <see cref="Close"/> or <see cref="Dispose"/>; a failure
/// throws <see cref="DuckDbException"/> with DuckDB's text. After a failed append the rows not yet flushed
/// are discarded on dispose (the current row is incomplete). Not thread-safe.
/// </summary>
public sealed unsafe class DuckDbAppender : IDisposable
{
    private readonly AppenderHandle _handle;
    private readonly DuckDbConnection? _owner;
    private bool _failed;

    internal DuckDbAppender(AppenderHandle handle, string? schema, string table, DuckDbConnection? owner)
    {
        _handle = handle;
        _owner = owner;
        Table = schema is null ? table : $"{schema}.{table}";
        int count = checked((int)duckdb_appender_column_count(handle));
        var types = new DuckDbType[count];
        for (int i = 0; i < count; i++)
        {
            nint type = duckdb_appender_column_type(handle, (ulong)i);
            try { types[i] = duckdb_get_type_id(type); }
            finally { duckdb_destroy_logical_type(ref type); }
        }
        ColumnTypes = types;
    }

    internal static AppenderHandle CreateHandle(ConnectionHandle connection, string? schema, string table)
    {
        ArgumentException.ThrowIfNullOrEmpty(table);
        var state = duckdb_appender_create(connection, schema, table, out var handle);
        if (state == DuckDbState.Success) return handle;
        // A failed create still hands back an appender that carries the error and must be destroyed.
        string error = (handle.IsInvalid ? null : Utf8(duckdb_appender_error(handle))) ?? "DuckDB could not create the appender.";
        handle.Dispose();
        throw new DuckDbException(error, null, $"Creating an appender for table '{(schema is null ? table : schema + "." + table)}'");
    }

    /// <summary>The table appended to.</summary>
    public string Table { get; }

    /// <summary>The table's column types, in order.</summary>
    public IReadOnlyList<DuckDbType> ColumnTypes { get; }

    /// <summary>Appends one row; <paramref name="values"/> are the table's columns in order (types as for parameters, <c>null</c> = NULL).</summary>
    public DuckDbAppender AppendRow(params object?[] values)
    {
        values ??= [null];
        foreach (var value in values) AppendValue(value);
        return EndRow();
    }

    /// <summary>Appends one value to the current row.</summary>
    public DuckDbAppender AppendValue(object? value) => value switch
    {
        null or DBNull => AppendNull(),
        bool v => Append(v),
        sbyte v => Check(duckdb_append_int8(Handle, v)),
        short v => Check(duckdb_append_int16(Handle, v)),
        int v => Append(v),
        long v => Append(v),
        byte v => Check(duckdb_append_uint8(Handle, v)),
        ushort v => Check(duckdb_append_uint16(Handle, v)),
        uint v => Check(duckdb_append_uint32(Handle, v)),
        ulong v => Check(duckdb_append_uint64(Handle, v)),
        float v => Append(v),
        double v => Append(v),
        string v => Append(v),
        DateOnly v => Append(v),
        DateTime v => Append(v),
        byte[] v => Append(v),
        _ => throw new ArgumentException($"Cannot append a {value.GetType().Name} to '{Table}'; use one of {DuckDbParameters.Supported}."),
    };

    /// <summary>Appends a NULL to the current row.</summary>
    public DuckDbAppender AppendNull() => Check(duckdb_append_null(Handle));
    /// <summary>Appends a BOOLEAN to the current row.</summary>
    public DuckDbAppender Append(bool value) => Check(duckdb_append_bool(Handle, value));
    /// <summary>Appends an INTEGER to the current row.</summary>
    public DuckDbAppender Append(int value) => Check(duckdb_append_int32(Handle, value));
    /// <summary>Appends a BIGINT to the current row.</summary>
    public DuckDbAppender Append(long value) => Check(duckdb_append_int64(Handle, value));
    /// <summary>Appends a FLOAT to the current row.</summary>
    public DuckDbAppender Append(float value) => Check(duckdb_append_float(Handle, value));
    /// <summary>Appends a DOUBLE to the current row.</summary>
    public DuckDbAppender Append(double value) => Check(duckdb_append_double(Handle, value));
    /// <summary>Appends a DATE to the current row.</summary>
    public DuckDbAppender Append(DateOnly value) => Check(duckdb_append_date(Handle, DuckDbTemporal.FromDate(value)));
    /// <summary>Appends a TIMESTAMP (the wall-clock time) to the current row.</summary>
    public DuckDbAppender Append(DateTime value) => Check(duckdb_append_timestamp(Handle, DuckDbTemporal.FromDateTime(value)));

    /// <summary>Appends a VARCHAR (or NULL) to the current row.</summary>
    public DuckDbAppender Append(string? value)
    {
        if (value is null) return AppendNull();
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> buffer = rented ?? stackalloc byte[512];
            int length = Encoding.UTF8.GetBytes(value, buffer);
            fixed (byte* p = buffer) return Check(duckdb_append_varchar_length(Handle, p, (ulong)length));
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>Appends a BLOB (or NULL) to the current row.</summary>
    public DuckDbAppender Append(byte[]? value)
    {
        if (value is null) return AppendNull();
        byte empty = 0;
        fixed (byte* p = value) return Check(duckdb_append_blob(Handle, value.Length == 0 ? &empty : p, (ulong)value.Length));
    }

    /// <summary>Finishes the current row; every column must have had a value.</summary>
    public DuckDbAppender EndRow() => Check(duckdb_appender_end_row(Handle));

    /// <summary>
    /// Appends whole columns, one array per table column in order and all of one length, in chunks of DuckDB's
    /// vector size. Arrays may be of <c>bool</c>, <c>sbyte</c>…<c>long</c>, <c>byte</c>…<c>ulong</c>, <c>float</c>, <c>double</c>,
    /// <c>DateOnly</c>, <c>DateTime</c> (each also nullable: <c>null</c> = NULL), <c>string</c> or <c>byte[]</c>. DuckDB casts
    /// where an implicit cast exists (<c>short[]</c> into INTEGER, <c>int[]</c> into BIGINT) and otherwise refuses with a type mismatch.
    /// </summary>
    public void AppendColumns(params Array[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        var handle = Handle;
        if (columns.Length != ColumnTypes.Count)
            throw new ArgumentException($"'{Table}' has {ColumnTypes.Count} columns but {columns.Length} arrays were given.", nameof(columns));
        if (columns.Length == 0) return;
        int rows = columns[0].Length;
        for (int c = 0; c < columns.Length; c++)
            if (columns[c].Length != rows)
                throw new ArgumentException($"Column {c} has {columns[c].Length} values but column 0 has {rows}; all arrays must have the same length.", nameof(columns));
        try
        {
            DuckDbChunkWriter.Append(handle, columns, rows, Table);
        }
        catch (DuckDbException)
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>Writes the rows appended so far to the table.</summary>
    public void Flush() => Check(duckdb_appender_flush(Handle));

    /// <summary>Flushes and closes the appender; later appends throw.</summary>
    public void Close()
    {
        if (_handle.IsClosed) return;
        try
        {
            if (!_failed) Check(duckdb_appender_close(_handle));
        }
        finally
        {
            Release();
        }
    }

    /// <summary>Flushes, closes and releases the appender (as <see cref="Close"/>; throws if the flush fails).</summary>
    public void Dispose() => Close();

    private void Release()
    {
        if (_failed) duckdb_appender_clear(_handle); // an incomplete row cannot be flushed; destroying would try
        _handle.Dispose();
        _owner?.Forget(this);
    }

    private AppenderHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    private DuckDbAppender Check(DuckDbState state)
    {
        if (state == DuckDbState.Success) return this;
        _failed = true;
        throw new DuckDbException(Utf8(duckdb_appender_error(_handle)) ?? "DuckDB refused the append.", null, $"Appending to table '{Table}'");
    }
}
