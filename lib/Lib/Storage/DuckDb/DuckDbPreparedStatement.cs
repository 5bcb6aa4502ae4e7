using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>
/// A statement parsed and planned once (<see cref="DuckDbConnection.Prepare"/>), run many times with
/// values bound to its <c>?</c> or <c>$1</c> parameters. Not thread-safe; dispose it when done.
/// </summary>
public sealed class DuckDbPreparedStatement : IDisposable
{
    private readonly PreparedStatementHandle _handle;
    private readonly DuckDbConnection? _owner;

    internal DuckDbPreparedStatement(PreparedStatementHandle handle, string sql, DuckDbConnection? owner)
    {
        _handle = handle;
        _owner = owner;
        Sql = sql;
        ParameterCount = checked((int)duckdb_nparams(handle));
    }

    /// <summary>Prepares <paramref name="sql"/> on <paramref name="connection"/>, or throws DuckDB's error with the SQL.</summary>
    internal static PreparedStatementHandle PrepareHandle(ConnectionHandle connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var state = duckdb_prepare(connection, sql, out var handle);
        if (state == DuckDbState.Success) return handle;
        // A failed prepare still hands back a statement that carries the error and must be destroyed.
        string error = handle.IsInvalid ? "DuckDB could not prepare the statement." : Utf8(duckdb_prepare_error(handle)) ?? "DuckDB could not prepare the statement.";
        handle.Dispose();
        throw new DuckDbException(error, sql);
    }

    /// <summary>The statement's SQL.</summary>
    public string Sql { get; }

    /// <summary>How many values <see cref="Execute"/> and <see cref="Query"/> take.</summary>
    public int ParameterCount { get; }

    /// <summary>Runs the statement with <paramref name="args"/> bound in order; returns the rows it changed.</summary>
    /// <exception cref="DuckDbException">DuckDB refused it; the message has DuckDB's text and the SQL.</exception>
    public long Execute(params object?[] args) => Query(args).RowsChanged;

    /// <summary>Runs the query with <paramref name="args"/> bound in order and materialises its result.</summary>
    /// <exception cref="DuckDbException">DuckDB refused it; the message has DuckDB's text and the SQL.</exception>
    public DuckDbResult Query(params object?[] args)
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        DuckDbParameters.BindAll(_handle, args ?? [null], Sql);
        var state = duckdb_execute_prepared(_handle, out var native);
        return DuckDbResultReader.ReadAndDestroy(state, ref native, Sql);
    }

    /// <summary>Releases the native statement.</summary>
    public void Dispose()
    {
        _handle.Dispose();
        _owner?.Forget(this);
    }
}
