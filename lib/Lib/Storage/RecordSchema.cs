using System.Reflection;

namespace Lib.Storage;

/// <summary>
/// The table of a record type <typeparamref name="T"/>: a column per public readable property (in declaration
/// order) that the type can also be built from, through the constructor whose parameters are all columns
/// (positional records) or through settable properties (<c>init</c> ones included).
/// </summary>
public sealed class RecordSchema<T>
{
    private readonly ConstructorInfo? _constructor;
    private readonly int[] _constructorColumns = [];

    private RecordSchema()
    {
        var properties = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
            .ToList();
        _constructor = typeof(T)
            .GetConstructors()
            .Where(c =>
                c.GetParameters() is { Length: > 0 } parameters
                && parameters.All(a => properties.Any(p => Same(p.Name, a.Name)))
            )
            .MaxBy(c => c.GetParameters().Length);
        var fromConstructor = _constructor
            ?.GetParameters()
            .Select(a => properties.First(p => Same(p.Name, a.Name)))
            .ToList()
            ?? [];
        Columns =
        [
            .. properties.Where(p => fromConstructor.Contains(p) || p.CanWrite).Select(p => new RecordColumn(p)),
        ];
        if (Columns.Count == 0)
            throw new NotSupportedException($"{typeof(T).Name} has no public properties to make columns of.");
        _constructorColumns = [.. fromConstructor.Select(p => Columns.ToList().FindIndex(c => c.Property == p))];
    }

    /// <summary>The schema of <typeparamref name="T"/> (built once).</summary>
    public static RecordSchema<T> Instance { get; } = new();

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<RecordColumn> Columns { get; }

    /// <summary>The columns as DuckDB's column list, <c>athlete VARCHAR, value DOUBLE</c>.</summary>
    public string ColumnDefinitions => string.Join(", ", Columns.Select(c => $"\"{c.Name}\" {c.SqlType}"));

    /// <summary>Builds a record from one value per column, in column order (enums already parsed).</summary>
    public T Create(object?[] values)
    {
        object?[] arguments = [.. _constructorColumns.Select(i => values[i])];
        object record = _constructor is null ? Activator.CreateInstance(typeof(T))! : _constructor.Invoke(arguments);
        for (int i = 0; i < Columns.Count; i++)
            if (!_constructorColumns.Contains(i))
                Columns[i].Property.SetValue(record, values[i]);
        return (T)record;
    }

    private static bool Same(string property, string? parameter) =>
        string.Equals(property, parameter, StringComparison.OrdinalIgnoreCase);
}
