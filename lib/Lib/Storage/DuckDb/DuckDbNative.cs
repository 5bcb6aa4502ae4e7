using System.Runtime.InteropServices;

namespace Lib.Storage.DuckDb;

/// <summary><c>duckdb_state</c>: 0 success, 1 error.</summary>
internal enum DuckDbState { Success = 0, Error = 1 }

/// <summary>
/// The <c>duckdb_result</c> struct (48 bytes). Only <c>internal_data</c> matters; the deprecated
/// fields are kept for the layout. The caller owns the struct and must pass it to
/// <c>duckdb_destroy_result</c> even when the query failed.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct NativeResult
{
    public ulong DeprecatedColumnCount;
    public ulong DeprecatedRowCount;
    public ulong DeprecatedRowsChanged;
    public nint DeprecatedColumns;
    public nint DeprecatedErrorMessage;
    public nint InternalData;
}

/// <summary>
/// The part of libduckdb's C API (duckdb.h, v1.5) the binding uses, as source-generated P/Invoke.
/// Strings going in are UTF-8; <c>const char*</c> coming back is read with <see cref="Utf8"/>
/// and freed with <c>duckdb_free</c> only where duckdb.h says so. <c>idx_t</c> is <c>ulong</c>;
/// <c>duckdb_date</c> (int32 days) and <c>duckdb_timestamp</c> (int64 µs) are passed as their single field.
/// </summary>
internal static unsafe partial class DuckDbNative
{
    // Every path into the binding starts at DuckDbDatabase, which calls DuckDbLibrary.Load() first,
    // so the resolver is in place before the runtime binds any of these.
    private const string Lib = DuckDbLibrary.Name;

    internal static string? Utf8(nint text) => text == 0 ? null : Marshal.PtrToStringUTF8(text);

    // --- library, database, connection ---------------------------------------------------
    [LibraryImport(Lib)] internal static partial nint duckdb_library_version();
    [LibraryImport(Lib)] internal static partial void duckdb_free(nint pointer);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_create_config(out nint config);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_set_config(nint config, string name, string option);
    [LibraryImport(Lib)] internal static partial void duckdb_destroy_config(ref nint config);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_open_ext(string? path, out DatabaseHandle database, nint config, out nint error);
    [LibraryImport(Lib)] internal static partial void duckdb_close(ref nint database);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_connect(DatabaseHandle database, out ConnectionHandle connection);
    [LibraryImport(Lib)] internal static partial void duckdb_disconnect(ref nint connection);

    // --- queries and results ----------------------------------------------------------------
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_query(ConnectionHandle connection, string query, out NativeResult result);
    [LibraryImport(Lib)] internal static partial void duckdb_destroy_result(ref NativeResult result);
    [LibraryImport(Lib)] internal static partial nint duckdb_result_error(ref NativeResult result);
    [LibraryImport(Lib)] internal static partial ulong duckdb_column_count(ref NativeResult result);
    [LibraryImport(Lib)] internal static partial nint duckdb_column_name(ref NativeResult result, ulong column);
    [LibraryImport(Lib)] internal static partial nint duckdb_column_logical_type(ref NativeResult result, ulong column);
    [LibraryImport(Lib)] internal static partial ulong duckdb_rows_changed(ref NativeResult result);
    [LibraryImport(Lib)] internal static partial nint duckdb_fetch_chunk(NativeResult result);

    // --- data chunks and vectors ------------------------------------------------------------
    [LibraryImport(Lib)] internal static partial ulong duckdb_vector_size();
    [LibraryImport(Lib)] internal static partial nint duckdb_create_data_chunk(nint* types, ulong columnCount);
    [LibraryImport(Lib)] internal static partial void duckdb_destroy_data_chunk(ref nint chunk);
    [LibraryImport(Lib)] internal static partial void duckdb_data_chunk_reset(nint chunk);
    [LibraryImport(Lib)] internal static partial ulong duckdb_data_chunk_get_size(nint chunk);
    [LibraryImport(Lib)] internal static partial void duckdb_data_chunk_set_size(nint chunk, ulong size);
    [LibraryImport(Lib)] internal static partial nint duckdb_data_chunk_get_vector(nint chunk, ulong column);
    [LibraryImport(Lib)] internal static partial void* duckdb_vector_get_data(nint vector);
    [LibraryImport(Lib)] internal static partial ulong* duckdb_vector_get_validity(nint vector);
    [LibraryImport(Lib)] internal static partial void duckdb_vector_ensure_validity_writable(nint vector);
    [LibraryImport(Lib)] internal static partial void duckdb_vector_assign_string_element_len(nint vector, ulong index, byte* text, ulong length);

    // --- logical types ----------------------------------------------------------------------
    [LibraryImport(Lib)] internal static partial nint duckdb_create_logical_type(DuckDbType type);
    [LibraryImport(Lib)] internal static partial void duckdb_destroy_logical_type(ref nint type);
    [LibraryImport(Lib)] internal static partial DuckDbType duckdb_get_type_id(nint type);
    [LibraryImport(Lib)] internal static partial byte duckdb_decimal_width(nint type);
    [LibraryImport(Lib)] internal static partial byte duckdb_decimal_scale(nint type);
    [LibraryImport(Lib)] internal static partial DuckDbType duckdb_decimal_internal_type(nint type);
    [LibraryImport(Lib)] internal static partial DuckDbType duckdb_enum_internal_type(nint type);
    [LibraryImport(Lib)] internal static partial uint duckdb_enum_dictionary_size(nint type);
    [LibraryImport(Lib)] internal static partial nint duckdb_enum_dictionary_value(nint type, ulong index);

    // --- prepared statements ----------------------------------------------------------------
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_prepare(ConnectionHandle connection, string query, out PreparedStatementHandle statement);
    [LibraryImport(Lib)] internal static partial nint duckdb_prepare_error(PreparedStatementHandle statement);
    [LibraryImport(Lib)] internal static partial void duckdb_destroy_prepare(ref nint statement);
    [LibraryImport(Lib)] internal static partial ulong duckdb_nparams(PreparedStatementHandle statement);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_clear_bindings(PreparedStatementHandle statement);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_boolean(PreparedStatementHandle statement, ulong index, [MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_int8(PreparedStatementHandle statement, ulong index, sbyte value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_int16(PreparedStatementHandle statement, ulong index, short value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_int32(PreparedStatementHandle statement, ulong index, int value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_int64(PreparedStatementHandle statement, ulong index, long value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_uint8(PreparedStatementHandle statement, ulong index, byte value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_uint16(PreparedStatementHandle statement, ulong index, ushort value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_uint32(PreparedStatementHandle statement, ulong index, uint value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_uint64(PreparedStatementHandle statement, ulong index, ulong value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_float(PreparedStatementHandle statement, ulong index, float value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_double(PreparedStatementHandle statement, ulong index, double value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_date(PreparedStatementHandle statement, ulong index, int days);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_timestamp(PreparedStatementHandle statement, ulong index, long micros);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_varchar_length(PreparedStatementHandle statement, ulong index, byte* text, ulong length);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_blob(PreparedStatementHandle statement, ulong index, byte* data, ulong length);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_bind_null(PreparedStatementHandle statement, ulong index);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_execute_prepared(PreparedStatementHandle statement, out NativeResult result);

    // --- appender ---------------------------------------------------------------------------
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial DuckDbState duckdb_appender_create(ConnectionHandle connection, string? schema, string table, out AppenderHandle appender);
    [LibraryImport(Lib)] internal static partial nint duckdb_appender_error(AppenderHandle appender);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_appender_flush(AppenderHandle appender);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_appender_close(AppenderHandle appender);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_appender_destroy(ref nint appender);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_appender_end_row(AppenderHandle appender);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_appender_clear(AppenderHandle appender);
    [LibraryImport(Lib)] internal static partial ulong duckdb_appender_column_count(AppenderHandle appender);
    [LibraryImport(Lib)] internal static partial nint duckdb_appender_column_type(AppenderHandle appender, ulong column);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_data_chunk(AppenderHandle appender, nint chunk);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_bool(AppenderHandle appender, [MarshalAs(UnmanagedType.U1)] bool value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_int8(AppenderHandle appender, sbyte value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_int16(AppenderHandle appender, short value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_int32(AppenderHandle appender, int value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_int64(AppenderHandle appender, long value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_uint8(AppenderHandle appender, byte value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_uint16(AppenderHandle appender, ushort value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_uint32(AppenderHandle appender, uint value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_uint64(AppenderHandle appender, ulong value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_float(AppenderHandle appender, float value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_double(AppenderHandle appender, double value);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_date(AppenderHandle appender, int days);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_timestamp(AppenderHandle appender, long micros);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_varchar_length(AppenderHandle appender, byte* text, ulong length);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_blob(AppenderHandle appender, byte* data, ulong length);
    [LibraryImport(Lib)] internal static partial DuckDbState duckdb_append_null(AppenderHandle appender);
}
