using DuckDB.NET.Data;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Parquet and CSV files through DuckDB. Reads bind the path as a parameter (<c>read_parquet(?)</c>); writes
/// are atomic: <c>COPY</c> writes a temporary file in the target's folder, which then replaces the target, so a
/// failed or killed write leaves the previous file whole. (COPY's target cannot be a parameter in DuckDB's
/// grammar, so the temporary path, which we choose, is written as a quoted literal.)
/// </summary>
public static class DuckDbFiles
{
    /// <summary>Writes the rows of <paramref name="selectSql"/> to a Parquet file (snappy), atomically.</summary>
    /// <returns>The number of rows written.</returns>
    public static long CopyToParquet(
        this DuckDBConnection connection,
        string selectSql,
        string path,
        params object?[] args
    ) => CopyTo(connection, selectSql, path, "FORMAT parquet", args);

    /// <summary>Writes the rows of <paramref name="selectSql"/> to a CSV file with a header row, atomically.</summary>
    /// <returns>The number of rows written.</returns>
    public static long CopyToCsv(
        this DuckDBConnection connection,
        string selectSql,
        string path,
        params object?[] args
    ) => CopyTo(connection, selectSql, path, "FORMAT csv, HEADER true", args);

    /// <summary>The rows of a Parquet file (or glob).</summary>
    public static DuckDbResult ReadParquet(this DuckDBConnection connection, string path) =>
        connection.Query("SELECT * FROM read_parquet(?)", path);

    /// <summary>The rows of a CSV file (DuckDB sniffs the dialect, header and types).</summary>
    public static DuckDbResult ReadCsv(this DuckDBConnection connection, string path) =>
        connection.Query("SELECT * FROM read_csv(?)", path);

    /// <summary>
    /// Runs <c>COPY (<paramref name="selectSql"/>) TO temp (<paramref name="options"/>)</c>, then moves the temporary
    /// file over <paramref name="path"/>. A failure deletes the temporary file and leaves the target as it was.
    /// </summary>
    public static long CopyTo(
        DuckDBConnection connection,
        string selectSql,
        string path,
        string options,
        params object?[] args
    )
    {
        ArgumentNullException.ThrowIfNull(selectSql);
        var full = Path.GetFullPath(path);
        var temp = TemporaryPath(full);
        try
        {
            long rows = connection.Execute($"COPY ({selectSql}) TO {StringLiteral(temp)} ({options})", args ?? [null]);
            File.Move(temp, full, overwrite: true);
            return rows;
        }
        catch
        {
            try
            {
                File.Delete(temp);
            }
            catch (IOException) { }
            throw;
        }
    }

    /// <summary>
    /// A fresh temporary path beside <paramref name="full"/>, <c>.name.pid.guid.tmp</c> (its folder is created).
    /// Temporary
    /// files of the same target left by processes that no longer run (a killed write) are deleted first.
    /// </summary>
    public static string TemporaryPath(string full)
    {
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        DeleteAbandoned(dir, Path.GetFileName(full));
        return Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
    }

    /// <summary>Deletes <c>.name.pid.guid.tmp</c> files in <paramref name="dir"/> whose process has ended.</summary>
    public static void DeleteAbandoned(string dir, string name)
    {
        var prefix = $".{name}.";
        foreach (var file in Directory.EnumerateFiles(dir, $".{name}.*.tmp"))
        {
            var parts = Path.GetFileName(file)[prefix.Length..].Split('.');
            if (parts.Length != 3 || !int.TryParse(parts[0], out int pid) || Running(pid))
                continue;
            try
            {
                File.Delete(file);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static bool Running(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>A SQL string literal: single quotes doubled.</summary>
    public static string StringLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
