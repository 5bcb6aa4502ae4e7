using System.Globalization;
using DuckDB.NET.Data;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Opens DuckDB through DuckDB.NET (the <c>DuckDB.NET.Data.Full</c> package, which ships libduckdb).
/// The connections are DuckDB.NET's own <see cref="DuckDBConnection"/>: use its commands, parameters and
/// <see cref="DuckDBConnection.CreateAppender(string)"/> directly; <see cref="DuckDbCommands"/>,
/// <see cref="DuckDbFiles"/> and <see cref="ColumnAppender"/> add what the lab needs on top.
/// </summary>
public static class DuckDb
{
    /// <summary>An open connection to a new in-memory database, gone when the connection is disposed.</summary>
    /// <param name="threads">DuckDB's worker threads; <c>null</c> leaves DuckDB's default (the cores).</param>
    public static DuckDBConnection OpenInMemory(int? threads = null) => Open(null, threads);

    /// <summary>An open connection to the database file at <paramref name="path"/> (created when missing).</summary>
    /// <param name="path">The file, or <c>null</c> / <c>:memory:</c> for an in-memory database.</param>
    /// <param name="threads">DuckDB's worker threads; <c>null</c> leaves DuckDB's default (the cores).</param>
    /// <exception cref="DuckDBException">
    /// DuckDB could not open it (for example another process holds the file).
    /// </exception>
    public static DuckDBConnection Open(string? path, int? threads = null)
    {
        var source = path is null or ":memory:" ? ":memory:" : Path.GetFullPath(path);
        var builder = new DuckDBConnectionStringBuilder { DataSource = source };
        if (threads is { } t)
            builder.Threads = t;
        var connection = new DuckDBConnection(builder.ConnectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>libduckdb's version, such as <c>v1.5.6</c>.</summary>
    public static string LibraryVersion
    {
        get
        {
            using var connection = OpenInMemory();
            return connection.ServerVersion;
        }
    }

    /// <summary>DuckDB's worker threads on <paramref name="connection"/>.</summary>
    public static int Threads(DuckDBConnection connection) =>
        Convert.ToInt32(
            connection.ExecuteScalar<long>("SELECT current_setting('threads')"),
            CultureInfo.InvariantCulture
        );
}
