using DuckDB.NET.Data;
using Lib.Storage.DuckDb;
using Microsoft.Data.Analysis;

namespace Lib.Storage;

/// <summary>
/// The one typed way in and out of tables: records ⇄ DuckDB tables ⇄ Parquet and CSV files, and records or
/// query results → <see cref="DataFrame"/>. The record type is the schema (<see cref="RecordSchema{T}"/>: a column
/// per property, named in snake_case). Files are written atomically (a temporary file, then a rename) and read
/// back with the types checked: a missing column, a type that does not convert or a NULL in a non-nullable
/// member is an <see cref="InvalidDataException"/> naming the file, the column and the row.
/// </summary>
public static class RecordTable
{
    /// <summary>
    /// Writes <paramref name="rows"/> to a <c>.parquet</c> or <c>.csv</c> file (by extension), atomically.
    /// </summary>
    public static void Write<T>(IEnumerable<T> rows, string path)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var format = FormatOf(path);
        using var connection = DuckDb.DuckDb.OpenInMemory();
        Create<T>(connection, "records");
        Append(connection, "records", rows);
        DuckDbFiles.CopyTo(
            connection,
            "SELECT * FROM records",
            path,
            format == TableFormat.Parquet ? "FORMAT parquet" : "FORMAT csv, HEADER true"
        );
    }

    /// <summary>
    /// Reads a <c>.parquet</c> or <c>.csv</c> file written as <typeparamref name="T"/> records (or any file with those
    /// columns).
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="InvalidDataException">
    /// The file is not a readable table of <typeparamref name="T"/>; the message names the file, column and row.
    /// </exception>
    public static List<T> Read<T>(string path)
    {
        var format = FormatOf(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new FileNotFoundException($"The table '{full}' does not exist.", full);
        using var connection = DuckDb.DuckDb.OpenInMemory();
        DuckDbResult result;
        try
        {
            result =
                format == TableFormat.Parquet
                    ? connection.Query("SELECT * FROM read_parquet(?)", full)
                    : connection.Query($"SELECT * FROM read_csv(?, {CsvOptions<T>(full)})", full);
        }
        catch (DuckDBException e)
        {
            throw new InvalidDataException(
                $"{full}: not a readable {format} table of {typeof(T).Name}: {e.Message}",
                e
            );
        }
        catch (FormatException e) // the CSV header could not be read
        {
            throw new InvalidDataException(e.Message, e);
        }
        return FromResult<T>(result, full);
    }

    /// <summary>Creates table <paramref name="table"/> with <typeparamref name="T"/>'s columns.</summary>
    public static void Create<T>(DuckDBConnection connection, string table) =>
        connection.Execute($"CREATE TABLE \"{table}\" ({RecordSchema<T>.Instance.ColumnDefinitions})");

    /// <summary>
    /// Appends <paramref name="rows"/> to <paramref name="table"/> (made by <see cref="Create{T}"/>), a column at a
    /// time.
    /// </summary>
    public static void Append<T>(DuckDBConnection connection, string table, IEnumerable<T> rows)
    {
        var list = rows as IReadOnlyList<T> ?? [.. rows];
        var columns = RecordSchema<T>.Instance.Columns;
        var arrays = new Array[columns.Count];
        for (int c = 0; c < columns.Count; c++)
        {
            var column = columns[c];
            var array = Array.CreateInstance(column.ArrayType, list.Count);
            for (int r = 0; r < list.Count; r++)
                array.SetValue(column.Stored(list[r]), r);
            arrays[c] = array;
        }
        connection.AppendColumns(table, arrays);
    }

    /// <summary>
    /// The rows of a query as <typeparamref name="T"/> records (columns by name, extra columns ignored).
    /// </summary>
    public static List<T> Query<T>(DuckDBConnection connection, string sql, params object?[] args) =>
        FromResult<T>(connection.Query(sql, args), "the query");

    /// <summary>
    /// Maps a result onto records, checking every column; <paramref name="source"/> names it in errors.
    /// </summary>
    internal static List<T> FromResult<T>(DuckDbResult result, string source)
    {
        var columns = RecordSchema<T>.Instance.Columns;
        var found = columns.Select(c => Find(result, c, source)).ToArray();
        var records = new List<T>(result.RowCount);
        var values = new object?[columns.Count];
        for (int r = 0; r < result.RowCount; r++)
        {
            for (int c = 0; c < columns.Count; c++)
                values[c] = Value(found[c], columns[c], r, source);
            records.Add(RecordSchema<T>.Instance.Create(values));
        }
        return records;
    }

    private static DuckDbColumn Find(DuckDbResult result, RecordColumn column, string source)
    {
        var found = result.Columns.FirstOrDefault(c => c.Name == column.Name)
            ?? result.Columns.FirstOrDefault(c => Normal(c.Name) == Normal(column.Name))
            ?? throw new InvalidDataException(
                $"{source}: no column '{column.Name}' for {column.Describe()}; it has "
                    + $"{string.Join(", ", result.Columns.Select(c => $"{c.Name} ({c.TypeName})"))}."
            );
        if (!DuckDbColumnConversion.Widens(found.ClrType, column.StoredType))
            throw new InvalidDataException(
                $"{source}: column '{found.Name}' is {found.TypeName}, but {column.Describe()} expects "
                    + $"{column.SqlType}."
            );
        return found;
    }

    private static object? Value(DuckDbColumn found, RecordColumn column, int row, string source)
    {
        if (found.IsNull(row))
            return column.IsNullable
                ? null
                : throw new InvalidDataException(
                    $"{source}: row {row + 1}, column '{found.Name}': NULL, but {column.Describe()} cannot be null."
                );
        var value = found[row]!;
        if (column.ValueType.IsEnum)
            return
                Enum.TryParse(column.ValueType, (string)value, ignoreCase: true, out var parsed)
                && Enum.IsDefined(column.ValueType, parsed)
                ? parsed
                : throw new InvalidDataException(
                    $"{source}: row {row + 1}, column '{found.Name}': '{value}' is not a {column.ValueType.Name} "
                        + $"({string.Join(", ", Enum.GetNames(column.ValueType))})."
                );
        return found.ClrType == column.ValueType ? value : DuckDbColumnConversion.Widen(value, column.ValueType);
    }

    private static string CsvOptions<T>(string path)
    {
        var header = CsvFile.ReadHeader(path);
        var columns = RecordSchema<T>.Instance.Columns;
        var types = header.Select(name =>
        {
            var type = columns.FirstOrDefault(c => Normal(c.Name) == Normal(name))?.SqlType ?? "VARCHAR";
            return $"{DuckDbFiles.StringLiteral(name)}: '{type}'";
        });
        return "header = true, auto_detect = false, delim = ',', quote = '\"', escape = '\"', "
            + $"allow_quoted_nulls = false, columns = {{{string.Join(", ", types)}}}";
    }

    private static string Normal(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static TableFormat FormatOf(string path) =>
        path.EndsWith(".parquet", StringComparison.OrdinalIgnoreCase) ? TableFormat.Parquet
        : path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? TableFormat.Csv
        : throw new ArgumentException($"'{path}': a table file must end in .parquet or .csv.", nameof(path));

    private enum TableFormat
    {
        Parquet,
        Csv,
    }
}
