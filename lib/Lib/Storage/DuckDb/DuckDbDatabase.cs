using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>
/// A DuckDB database: a file (created when missing) or in memory. libduckdb is found with
/// <c>NativeTools.Locate(NativeTool.DuckDb)</c>. Open connections with <see cref="Connect"/>;
/// disposing the database disposes them, which releases the file.
/// </summary>
public sealed class DuckDbDatabase : IDisposable
{
    private readonly DatabaseHandle _handle;
    private readonly HashSet<DuckDbConnection> _connections = [];

    private DuckDbDatabase(DatabaseHandle handle, string? path)
    {
        _handle = handle;
        Path = path;
    }

    /// <summary>The database file, or <c>null</c> in memory.</summary>
    public string? Path { get; }

    /// <summary>libduckdb's version, such as <c>v1.5.0</c>.</summary>
    public static string LibraryVersion
    {
        get
        {
            DuckDbLibrary.Load();
            return Utf8(duckdb_library_version()) ?? "unknown";
        }
    }

    /// <summary>An in-memory database, gone when disposed.</summary>
    public static DuckDbDatabase OpenInMemory(IReadOnlyDictionary<string, string>? config = null) => Open(null, config);

    /// <summary>
    /// Opens (or creates) the database file at <paramref name="path"/>; <c>null</c> or <c>:memory:</c> is in memory.
    /// <paramref name="config"/> takes DuckDB settings such as <c>threads</c>, <c>memory_limit</c> or <c>access_mode</c>.
    /// </summary>
    /// <exception cref="DuckDbException">DuckDB could not open it (for example another process holds the file); the message has DuckDB's text.</exception>
    /// <exception cref="Lib.Platform.NativeToolNotFoundException">libduckdb is not installed.</exception>
    public static DuckDbDatabase Open(string? path, IReadOnlyDictionary<string, string>? config = null)
    {
        DuckDbLibrary.Load();
        string? full = path is null or ":memory:" ? null : System.IO.Path.GetFullPath(path);
        nint nativeConfig = 0;
        try
        {
            if (config is { Count: > 0 })
            {
                if (duckdb_create_config(out nativeConfig) != DuckDbState.Success) throw new DuckDbException("DuckDB could not create a configuration.", null);
                foreach (var (name, value) in config)
                    if (duckdb_set_config(nativeConfig, name, value) != DuckDbState.Success)
                        throw new ArgumentException($"DuckDB does not accept the setting {name} = '{value}'.", nameof(config));
            }
            var state = duckdb_open_ext(full, out var handle, nativeConfig, out nint error);
            if (state != DuckDbState.Success)
            {
                string message = Utf8(error) ?? "DuckDB could not open the database.";
                if (error != 0) duckdb_free(error);
                handle.Dispose();
                throw new DuckDbException(message, null, $"Opening DuckDB database {full ?? ":memory:"}");
            }
            return new DuckDbDatabase(handle, full);
        }
        finally
        {
            if (nativeConfig != 0) duckdb_destroy_config(ref nativeConfig);
        }
    }

    /// <summary>A new connection; dispose it (or the database) when done.</summary>
    public DuckDbConnection Connect()
    {
        ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
        if (duckdb_connect(_handle, out var handle) != DuckDbState.Success)
        {
            handle.Dispose();
            throw new DuckDbException("DuckDB could not open a connection.", null, $"Connecting to {Path ?? ":memory:"}");
        }
        var connection = new DuckDbConnection(handle, this);
        lock (_connections) _connections.Add(connection);
        return connection;
    }

    internal void Forget(DuckDbConnection connection)
    {
        lock (_connections) _connections.Remove(connection);
    }

    /// <summary>Disposes the open connections, then closes the database (and releases its file).</summary>
    public void Dispose()
    {
        if (_handle.IsClosed) return;
        DuckDbConnection[] open;
        lock (_connections) open = [.. _connections];
        List<Exception>? errors = null;
        foreach (var connection in open)
        {
            try { connection.Dispose(); }
            catch (Exception e) when (e is DuckDbException or AggregateException) { (errors ??= []).Add(e); }
        }
        _handle.Dispose();
        if (errors is not null) throw errors.Count == 1 ? errors[0] : new AggregateException("Closing the database's connections failed.", errors);
    }
}
