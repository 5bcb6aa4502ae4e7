namespace Lib.Storage.DuckDb;

/// <summary>
/// One column of a <see cref="DuckDbResult"/>: its name, DuckDB's type, the .NET type DuckDB.NET reads it as
/// (<see cref="ClrType"/>), and the values in a <see cref="ClrType"/>[] with a validity mask for NULLs.
/// </summary>
public sealed class DuckDbColumn
{
    internal DuckDbColumn(string name, string typeName, Type clrType, Array values, bool[]? validity)
    {
        Name = name;
        TypeName = typeName;
        ClrType = clrType;
        Values = values;
        Validity = validity;
        NullCount = validity?.Count(v => !v) ?? 0;
    }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>DuckDB's type, such as <c>BIGINT</c> or <c>VARCHAR</c>.</summary>
    public string TypeName { get; }

    /// <summary>
    /// The .NET type of the values: BOOLEAN <c>bool</c>, INTEGER <c>int</c>, BIGINT <c>long</c>, DOUBLE <c>double</c>,
    /// VARCHAR <c>string</c>, DATE <c>DateOnly</c>, TIMESTAMP <c>DateTime</c>, DECIMAL <c>decimal</c>, and so on.
    /// </summary>
    public Type ClrType { get; }

    /// <summary>The number of values.</summary>
    public int Length => Values.Length;

    /// <summary>How many values are NULL.</summary>
    public int NullCount { get; }

    internal Array Values { get; }

    /// <summary><c>true</c> = a value, <c>false</c> = NULL; <c>null</c> when the column has no NULLs.</summary>
    internal bool[]? Validity { get; }

    /// <summary>Whether the value at <paramref name="row"/> is NULL.</summary>
    public bool IsNull(int row) => Validity is { } v && !v[row];

    /// <summary>The value at <paramref name="row"/>, boxed; <c>null</c> for NULL.</summary>
    public object? this[int row] => IsNull(row) ? null : Values.GetValue(row);

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({TypeName}, {Length} values, {NullCount} NULL)";
}
