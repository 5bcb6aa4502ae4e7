namespace Lib.Storage.DuckDb;

// Parquet and CSV through DuckDB. Reading binds the path as a parameter
// (SELECT * FROM read_parquet(?)); COPY's target cannot be a parameter in DuckDB's grammar,
// so it is written as a quoted SQL string literal of a temporary path the binding chooses.
public sealed partial class DuckDbConnection
{
    /// <summary>
    /// Writes the rows of <paramref name="selectSql"/> (parameters bound from <paramref name="args"/>) to a Parquet file,
    /// atomically: DuckDB writes a temporary file in the same folder, which then replaces <paramref name="path"/>.
    /// </summary>
    /// <remarks>DuckDB's defaults apply (snappy compression); for other options write the <c>COPY</c> yourself.</remarks>
    /// <returns>The number of rows written.</returns>
    public long CopyToParquet(string selectSql, string path, params object?[] args) =>
        CopyTo(selectSql, path, "FORMAT parquet", args);

    /// <summary>Writes the rows of <paramref name="selectSql"/> to a CSV file with a header row, atomically (as <see cref="CopyToParquet"/>).</summary>
    /// <returns>The number of rows written.</returns>
    public long CopyToCsv(string selectSql, string path, params object?[] args) =>
        CopyTo(selectSql, path, "FORMAT csv, HEADER true", args);

    /// <summary>The rows of a Parquet file (or glob), read with <c>read_parquet(?)</c>.</summary>
    public DuckDbResult ReadParquet(string path) => Query("SELECT * FROM read_parquet(?)", path);

    /// <summary>The rows of a CSV file, read with <c>read_csv(?)</c> (DuckDB sniffs the dialect, header and types).</summary>
    public DuckDbResult ReadCsv(string path) => Query("SELECT * FROM read_csv(?)", path);

    private long CopyTo(string selectSql, string path, string options, object?[] args)
    {
        ArgumentNullException.ThrowIfNull(selectSql);
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            long rows = Execute($"COPY ({selectSql}) TO {StringLiteral(temp)} ({options})", args ?? [null]);
            File.Move(temp, full, overwrite: true);
            return rows;
        }
        catch
        {
            try { File.Delete(temp); } catch (IOException) { }
            throw;
        }
    }

    /// <summary>A SQL string literal: single quotes doubled.</summary>
    internal static string StringLiteral(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
