using DuckDB.NET.Data;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Running SQL on a <see cref="DuckDBConnection"/> in one call, with values bound as positional parameters
/// (<c>?</c> or <c>$1</c>), never spliced into the text. Without values the text may hold several statements.
/// </summary>
public static class DuckDbCommands
{
    /// <summary>Runs a statement and returns the rows it changed.</summary>
    /// <exception cref="DuckDBException">DuckDB refused it; DuckDB's text says why.</exception>
    public static int Execute(this DuckDBConnection connection, string sql, params object?[] args)
    {
        using var command = connection.Command(sql, args);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query and reads its whole result into typed .NET columns (<see cref="DuckDbResult"/>).</summary>
    /// <exception cref="DuckDBException">DuckDB refused it; DuckDB's text says why.</exception>
    public static DuckDbResult Query(this DuckDBConnection connection, string sql, params object?[] args)
    {
        using var command = connection.Command(sql, args);
        using var reader = command.ExecuteReader();
        return DuckDbResult.Read(reader, sql);
    }

    /// <summary>
    /// The first column of the first row, converted as <see cref="DuckDbResult.GetColumn{T}(int)"/> does.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query returned no rows or no columns.</exception>
    public static T ExecuteScalar<T>(this DuckDBConnection connection, string sql, params object?[] args)
    {
        var result = connection.Query(sql, args);
        if (result.Columns.Count == 0 || result.RowCount == 0)
            throw new InvalidOperationException(
                $"Expected at least one row and column, but the query returned {result.RowCount} rows and "
                    + $"{result.Columns.Count} columns.\nSQL: {sql}"
            );
        return result.GetColumn<T>(0)[0];
    }

    /// <summary>A command for <paramref name="sql"/> with <paramref name="args"/> as positional parameters.</summary>
    public static DuckDBCommand Command(this DuckDBConnection connection, string sql, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(sql);
        args ??= [null]; // Execute(sql, null) means one NULL parameter
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var value in args)
            command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
        return command;
    }
}
