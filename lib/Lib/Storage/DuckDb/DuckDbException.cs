namespace Lib.Storage.DuckDb;

/// <summary>
/// DuckDB refused a statement, a bind or an append. The message carries DuckDB's own error text
/// and what caused it: the SQL, or the appender's table.
/// </summary>
public sealed class DuckDbException : Exception
{
    /// <summary>Creates the exception from DuckDB's error text and the SQL (or other context) that caused it.</summary>
    public DuckDbException(string duckDbError, string? sql, string? context = null, Exception? inner = null)
        : base(Compose(duckDbError, sql, context), inner)
    {
        DuckDbError = duckDbError;
        Sql = sql;
    }

    /// <summary>DuckDB's error text, as DuckDB wrote it (for example <c>Catalog Error: Table with name x does not exist!</c>).</summary>
    public string DuckDbError { get; }

    /// <summary>The SQL that failed, when a statement failed.</summary>
    public string? Sql { get; }

    private static string Compose(string error, string? sql, string? context)
    {
        var message = context is null ? error : $"{context}: {error}";
        return sql is null ? message : $"{message}\nSQL: {sql}";
    }
}
