using Lib.Display;
using Lib.Tensors.Formatting;

namespace Lib.Storage.DuckDb;

/// <summary>
/// A query's result, fully materialised in .NET as typed columns (no native memory is held, so
/// there is nothing to dispose). Read a column with <see cref="GetColumn{T}(string)"/>, rows with
/// <see cref="ReadAs{TRecord}"/>, or show it with <see cref="ToTable"/> (notebooks render it as an HTML table).
/// </summary>
[TypeFormatterSource(typeof(DuckDbResultFormatterSource))]
public sealed class DuckDbResult
{
    internal DuckDbResult(string sql, IReadOnlyList<DuckDbColumn> columns, int rowCount, long rowsChanged)
    {
        Sql = sql;
        Columns = columns;
        RowCount = rowCount;
        RowsChanged = rowsChanged;
    }

    /// <summary>The SQL that produced the result.</summary>
    public string Sql { get; }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<DuckDbColumn> Columns { get; }

    /// <summary>The column names in order.</summary>
    public IReadOnlyList<string> ColumnNames => [.. Columns.Select(c => c.Name)];

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>Rows inserted, updated or deleted by the statement (0 for a query).</summary>
    public long RowsChanged { get; }

    /// <summary>The column called <paramref name="name"/> (exactly, else ignoring case).</summary>
    /// <exception cref="KeyNotFoundException">No such column; the message lists the result's columns.</exception>
    public DuckDbColumn Column(string name) =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? Columns.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new KeyNotFoundException($"The result has no column '{name}'; it has {string.Join(", ", Columns.Select(c => $"{c.Name} ({c.TypeName})"))}.\nSQL: {Sql}");

    /// <summary>
    /// The column's values as a new <typeparamref name="T"/>[]: its own .NET type (see <see cref="DuckDbColumn.ClrType"/>),
    /// a lossless widening (<c>INTEGER</c> as <c>long</c> or <c>double</c>, <c>FLOAT</c> as <c>double</c>, <c>DATE</c> as
    /// <c>DateTime</c>; <c>DECIMAL</c> also as <c>double</c>), a nullable form (<c>double?</c>; NULL → <c>null</c>), or <c>object</c>.
    /// Strings and blobs hold <c>null</c> for NULL.
    /// </summary>
    /// <exception cref="InvalidCastException">The column's type does not convert to <typeparamref name="T"/>, or it has NULLs and <typeparamref name="T"/> cannot hold them; the message names the column and its type.</exception>
    public T[] GetColumn<T>(string name) => DuckDbColumnConversion.Read<T>(Column(name));

    /// <summary>The values of the column at <paramref name="index"/>; see <see cref="GetColumn{T}(string)"/>.</summary>
    public T[] GetColumn<T>(int index) => DuckDbColumnConversion.Read<T>(Columns[index]);

    /// <summary>The column's validity mask: <c>true</c> = a value, <c>false</c> = NULL.</summary>
    public bool[] GetValidity(string name)
    {
        var column = Column(name);
        return column.Validity is { } v ? (bool[])v.Clone() : Enumerable.Repeat(true, column.Length).ToArray();
    }

    /// <summary>The value at <paramref name="row"/> of column <paramref name="column"/>, boxed; <c>null</c> for NULL.</summary>
    public object? this[int row, string column] => Column(column)[row];

    /// <summary>
    /// The rows as <typeparamref name="TRecord"/>: the public constructor with the most parameters takes a column per
    /// parameter (a parameter with a default may be missing), then public settable properties take one each. Names match
    /// exactly, else ignoring case and underscores (<c>athlete_id</c> → <c>AthleteId</c>); values convert as in <see cref="GetColumn{T}(string)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">A member has no column; the message lists the result's columns.</exception>
    /// <exception cref="InvalidCastException">A column does not convert to its member's type; the message names both.</exception>
    public List<TRecord> ReadAs<TRecord>() => DuckDbRecordMapper.Map<TRecord>(this);

    /// <summary>The result as a <see cref="Table"/> (HTML in notebooks, <see cref="Table.Describe"/> for a summary).</summary>
    public Table ToTable() => new(Columns.Select(c =>
        new TableColumn(c.Name, c.NullCount > 0 && c.ClrType.IsValueType ? typeof(Nullable<>).MakeGenericType(c.ClrType) : c.ClrType, new BoxedValues(c))));

    /// <inheritdoc />
    public override string ToString() => ToTable().ToString();

    /// <summary>A column's values boxed on demand, so a table over a large result copies nothing.</summary>
    private sealed class BoxedValues(DuckDbColumn column) : IReadOnlyList<object?>
    {
        public object? this[int index] => column[index];
        public int Count => column.Length;

        public IEnumerator<object?> GetEnumerator()
        {
            for (int i = 0; i < column.Length; i++) yield return column[i];
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>Renders <see cref="DuckDbResult"/> in notebooks, as its <see cref="DuckDbResult.ToTable"/>.</summary>
public sealed class DuckDbResultFormatterSource
{
    /// <summary>The formatters, found by hosts through <see cref="TypeFormatterSourceAttribute"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<DuckDbResult>("text/html", r => r.ToTable().ToHtml()),
        new TypeFormatter<DuckDbResult>("text/plain", r => r.ToTable().ToString()),
    ];
}
