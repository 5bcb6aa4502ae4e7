using DuckDB.NET.Data;
using Lib.Display;
using Lib.Tensors.Formatting;
using Microsoft.Data.Analysis;

namespace Lib.Storage.DuckDb;

/// <summary>
/// A query's whole result read into .NET as typed columns (nothing native is held, nothing to dispose): read a
/// column with <see cref="GetColumn{T}(string)"/>, rows as records with <see cref="ReadAs{TRecord}"/>, or show it
/// with <see cref="ToDataFrame"/> (notebooks render the result itself as that table).
/// </summary>
[TypeFormatterSource(typeof(DuckDbResultFormatterSource))]
public sealed class DuckDbResult
{
    private DuckDbResult(string sql, IReadOnlyList<DuckDbColumn> columns, int rowCount)
    {
        Sql = sql;
        Columns = columns;
        RowCount = rowCount;
    }

    /// <summary>The SQL that produced the result.</summary>
    public string Sql { get; }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<DuckDbColumn> Columns { get; }

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. Columns.Select(c => c.Name)];

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Reads every row of <paramref name="reader"/>.</summary>
    public static DuckDbResult Read(DuckDBDataReader reader, string sql)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var columns = new DuckDbColumnReader[reader.FieldCount];
        for (int i = 0; i < columns.Length; i++)
            columns[i] = DuckDbColumnReader.For(reader, i);
        int rows = 0;
        while (reader.Read())
        {
            foreach (var column in columns)
                column.Read(reader, rows);
            rows++;
        }
        return new DuckDbResult(sql, [.. columns.Select(c => c.Finish(rows))], rows);
    }

    /// <summary>The column called <paramref name="name"/> (exactly, else ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the result's columns.</exception>
    public DuckDbColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException(
            $"The result has no column '{name}'; it has "
                + $"{string.Join(", ", Columns.Select(c => $"{c.Name} ({c.TypeName})"))}.\nSQL: {Sql}"
        );

    /// <summary>
    /// The column's values as a new <typeparamref name="T"/>[]: its own type (<see cref="DuckDbColumn.ClrType"/>), a
    /// nullable form (NULL → <c>null</c>), <c>object</c>, or a lossless widening (<c>INTEGER</c> as <c>long</c> or
    /// <c>double</c>, <c>DATE</c> as <c>DateTime</c>, <c>DECIMAL</c> as <c>double</c>). Strings hold <c>null</c> for
    /// NULL.
    /// </summary>
    /// <exception cref="InvalidCastException">The type does not convert, or NULLs into a non-nullable type.</exception>
    public T[] GetColumn<T>(string name) => DuckDbColumnConversion.Read<T>(Column(name));

    /// <summary>The values of the column at <paramref name="index"/>; see <see cref="GetColumn{T}(string)"/>.</summary>
    public T[] GetColumn<T>(int index) => DuckDbColumnConversion.Read<T>(Columns[index]);

    /// <summary>
    /// The value at <paramref name="row"/> of column <paramref name="column"/>, boxed; <c>null</c> for NULL.
    /// </summary>
    public object? this[int row, string column] => Column(column)[row];

    /// <summary>
    /// The rows as records (<see cref="RecordTable"/>'s mapping: a column per member, by snake_case name).
    /// </summary>
    /// <exception cref="InvalidDataException">
    /// A member has no column, a type does not convert, or a NULL meets a non-nullable member.
    /// </exception>
    public List<TRecord> ReadAs<TRecord>() => RecordTable.FromResult<TRecord>(this, "the query result");

    /// <summary>
    /// The result as a <see cref="DataFrame"/> (DATE as <c>DateTime</c>; types without a column kind as text).
    /// </summary>
    public DataFrame ToDataFrame() =>
        DataFrames.From(Columns.Select(c => (c.Name, c.ClrType, (IReadOnlyList<object?>)new Boxed(c))));

    /// <inheritdoc />
    public override string ToString() => DataFrameView.ToText(ToDataFrame());

    /// <summary>A column's values boxed on demand, so a view of a large result copies nothing.</summary>
    private sealed class Boxed(DuckDbColumn column) : IReadOnlyList<object?>
    {
        public object? this[int index] => column[index];

        public int Count => column.Length;

        public IEnumerator<object?> GetEnumerator()
        {
            for (int i = 0; i < column.Length; i++)
                yield return column[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Renders <see cref="DuckDbResult"/> in notebooks as its <see cref="DuckDbResult.ToDataFrame"/>.</summary>
public sealed class DuckDbResultFormatterSource
{
    /// <summary>The formatters, found by hosts through <see cref="TypeFormatterSourceAttribute"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
        [
            new TypeFormatter<DuckDbResult>("text/html", r => DataFrameView.ToHtml(r.ToDataFrame())),
            new TypeFormatter<DuckDbResult>("text/plain", r => r.ToString()),
        ];
}
