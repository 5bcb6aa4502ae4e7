namespace Lib.Storage.DuckDb;

/// <summary>
/// One column of a <see cref="DuckDbResult"/>, materialised in .NET: its name, DuckDB type and
/// values in the .NET type DuckDB's type maps to (<see cref="ClrType"/>), with a validity mask.
/// </summary>
public sealed class DuckDbColumn
{
    internal DuckDbColumn(string name, DuckDbType type, string typeName, Type clrType, Array values, bool[]? validity, int nullCount)
    {
        Name = name;
        Type = type;
        TypeName = typeName;
        ClrType = clrType;
        Values = values;
        Validity = validity;
        NullCount = nullCount;
    }

    /// <summary>The column's name in the result.</summary>
    public string Name { get; }

    /// <summary>DuckDB's type id.</summary>
    public DuckDbType Type { get; }

    /// <summary>DuckDB's type as SQL spells it, with details such as <c>DECIMAL(18,3)</c>.</summary>
    public string TypeName { get; }

    /// <summary>
    /// The .NET element type the values are held in: <c>bool</c>, <c>sbyte</c>/<c>short</c>/<c>int</c>/<c>long</c>/<c>Int128</c>,
    /// the unsigned counterparts, <c>float</c>, <c>double</c>, <c>decimal</c>, <c>string</c> (VARCHAR, ENUM), <c>byte[]</c> (BLOB),
    /// <c>DateOnly</c> (DATE), <c>TimeOnly</c> (TIME), <c>DateTime</c> (TIMESTAMP variants; UTC for TIMESTAMPTZ), <c>Guid</c> (UUID),
    /// <c>object</c> (the NULL type).
    /// </summary>
    public Type ClrType { get; }

    /// <summary>The number of rows.</summary>
    public int Length => Values.Length;

    /// <summary>How many rows are NULL.</summary>
    public int NullCount { get; }

    /// <summary>The values, an array of <see cref="ClrType"/>; NULL rows hold the type's default.</summary>
    internal Array Values { get; }

    /// <summary><c>true</c> = a value, <c>false</c> = NULL; <c>null</c> when the column has no NULLs.</summary>
    internal bool[]? Validity { get; }

    /// <summary>Whether <paramref name="row"/> is NULL.</summary>
    public bool IsNull(int row) => Validity is { } v && !v[row];

    /// <summary>The value at <paramref name="row"/>, boxed; <c>null</c> for NULL.</summary>
    public object? this[int row] => IsNull(row) ? null : Values.GetValue(row);

    /// <inheritdoc />
    public override string ToString() => $"{Name} {TypeName} ({Length:N0} rows, {NullCount:N0} NULL)";
}
