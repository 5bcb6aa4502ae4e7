using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>
/// A connection to a <see cref="DuckDbDatabase"/>: runs SQL with values bound as parameters (never
/// spliced into the text), returns materialised <see cref="DuckDbResult"/>s, and creates prepared
/// statements and appenders. Use one connection per thread. Disposing it disposes the statements
/// and appenders it created (appenders flush).
/// </summary>
public sealed partial class DuckDbConnection : IDisposable
{
    private readonly ConnectionHandle _handle;
    private readonly DuckDbDatabase _database;
    private readonly HashSet<IDisposable> _children = [];

    internal DuckDbConnection(ConnectionHandle handle, DuckDbDatabase database)
    {
        _handle = handle;
        _database = database;
    }

    /// <summary>The database this connection belongs to.</summary>
    public DuckDbDatabase Database => _database;

    internal ConnectionHandle Handle
    {
        get
        {
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            return _handle;
        }
    }

    /// <summary>
    /// Runs a statement and returns the rows it changed. Without <paramref name="args"/> the text may hold several
    /// statements separated by <c>;</c>; with them it is one statement whose <c>?</c> / <c>$1</c> parameters take the values in order.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB refused it; the message has DuckDB's text and the SQL.</exception>
    public long Execute(string sql, params object?[] args) => Query(sql, args).RowsChanged;

    /// <summary>Runs a query (parameters as in <see cref="Execute"/>) and materialises its result as typed columns.</summary>
    /// <exception cref="DuckDbException">DuckDB refused it; the message has DuckDB's text and the SQL.</exception>
    public DuckDbResult Query(string sql, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(sql);
        args ??= [null]; // Query(sql, null) means one NULL parameter
        if (args.Length == 0)
        {
            var state = duckdb_query(Handle, sql, out var native);
            return DuckDbResultReader.ReadAndDestroy(state, ref native, sql);
        }
        using var statement = new DuckDbPreparedStatement(DuckDbPreparedStatement.PrepareHandle(Handle, sql), sql, owner: null);
        return statement.Query(args);
    }

    /// <summary>The first column of the first row, as <typeparamref name="T"/> (conversions as in <see cref="DuckDbResult.GetColumn{T}(int)"/>).</summary>
    /// <exception cref="InvalidOperationException">The query returned no rows or no columns.</exception>
    public T ExecuteScalar<T>(string sql, params object?[] args)
    {
        var result = Query(sql, args);
        if (result.Columns.Count == 0 || result.RowCount == 0)
            throw new InvalidOperationException($"ExecuteScalar expected at least one row and column but the query returned {result.RowCount} rows and {result.Columns.Count} columns.\nSQL: {sql}");
        return result.GetColumn<T>(0)[0];
    }

    /// <summary>Prepares <paramref name="sql"/> (one statement) for running many times with different values.</summary>
    /// <exception cref="DuckDbException">DuckDB could not parse or plan it; the message has DuckDB's text and the SQL.</exception>
    public DuckDbPreparedStatement Prepare(string sql) =>
        Track(new DuckDbPreparedStatement(DuckDbPreparedStatement.PrepareHandle(Handle, sql), sql, this));

    /// <summary>A bulk appender into <paramref name="table"/> (in <paramref name="schema"/>, default <c>main</c>).</summary>
    /// <exception cref="DuckDbException">The table does not exist, or DuckDB refused the appender.</exception>
    public DuckDbAppender CreateAppender(string table, string? schema = null) =>
        Track(new DuckDbAppender(DuckDbAppender.CreateHandle(Handle, schema, table), schema, table, this));

    /// <summary>Disposes the statements and appenders this connection created, then disconnects.</summary>
    public void Dispose()
    {
        if (_handle.IsClosed) return;
        IDisposable[] children;
        lock (_children) children = [.. _children];
        List<Exception>? errors = null;
        foreach (var child in children)
        {
            try { child.Dispose(); }
            catch (DuckDbException e) { (errors ??= []).Add(e); }
        }
        _handle.Dispose();
        _database.Forget(this);
        if (errors is not null) throw errors.Count == 1 ? errors[0] : new AggregateException("Closing the connection's appenders failed.", errors);
    }

    private T Track<T>(T child) where T : IDisposable
    {
        lock (_children) _children.Add(child);
        return child;
    }

    internal void Forget(IDisposable child)
    {
        lock (_children) _children.Remove(child);
    }
}
