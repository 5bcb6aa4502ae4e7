using Microsoft.Win32.SafeHandles;

namespace Lib.Storage.DuckDb;

// Each native object DuckDB hands out is owned by exactly one SafeHandle, released once, by the
// matching duckdb_close / duckdb_disconnect / duckdb_destroy_* call. DuckDB reference-counts the
// database behind connections, statements and appenders, so release order does not matter for safety.

/// <summary>Owns a <c>duckdb_database</c>.</summary>
internal sealed class DatabaseHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        DuckDbNative.duckdb_close(ref h);
        return true;
    }
}

/// <summary>Owns a <c>duckdb_connection</c>.</summary>
internal sealed class ConnectionHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        DuckDbNative.duckdb_disconnect(ref h);
        return true;
    }
}

/// <summary>Owns a <c>duckdb_prepared_statement</c>.</summary>
internal sealed class PreparedStatementHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        DuckDbNative.duckdb_destroy_prepare(ref h);
        return true;
    }
}

/// <summary>Owns a <c>duckdb_appender</c>; releasing it flushes what is pending (errors are then lost: close it first).</summary>
internal sealed class AppenderHandle() : SafeHandleZeroOrMinusOneIsInvalid(ownsHandle: true)
{
    protected override bool ReleaseHandle()
    {
        var h = handle;
        DuckDbNative.duckdb_appender_destroy(ref h);
        return true;
    }
}
