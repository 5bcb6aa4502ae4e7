using System.Globalization;
using System.Reflection;
using Microsoft.Data.Analysis;

namespace Lib.Storage;

/// <summary>
/// Builds <see cref="DataFrame"/>s (Microsoft.Data.Analysis, the table type notebooks show) from named columns:
/// numbers, booleans and <c>DateTime</c> as primitive columns with nulls, <c>DateOnly</c> as <c>DateTime</c>,
/// strings as string columns, anything else as its invariant text.
/// </summary>
public static class DataFrames
{
    private static readonly Type[] Primitives =
    [
        typeof(bool),
        typeof(byte),
        typeof(sbyte),
        typeof(short),
        typeof(ushort),
        typeof(int),
        typeof(uint),
        typeof(long),
        typeof(ulong),
        typeof(float),
        typeof(double),
        typeof(decimal),
        typeof(DateTime),
    ];

    private static readonly MethodInfo PrimitiveMethod = typeof(DataFrames).GetMethod(
        nameof(Primitive),
        BindingFlags.NonPublic | BindingFlags.Static
    )!;

    /// <summary>A data frame with one column per (name, .NET type, values); <c>null</c> values are missing.</summary>
    public static DataFrame From(IEnumerable<(string Name, Type Type, IReadOnlyList<object?> Values)> columns) =>
        new(columns.Select(c => Column(c.Name, c.Type, c.Values)));

    /// <summary>
    /// A data frame with one column per public property (then field) of <typeparamref name="T"/>, in
    /// declaration order, anonymous types included; a sequence of plain values is one column, <c>value</c>.
    /// </summary>
    public static DataFrame FromRecords<T>(IEnumerable<T> records)
    {
        var rows = records.ToList();
        var members = typeof(T)
            .GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, Type: p.PropertyType, Get: (Func<object?, object?>)p.GetValue))
            .Concat(
                typeof(T)
                    .GetFields(BindingFlags.Public | BindingFlags.Instance)
                    .Select(f => (f.Name, Type: f.FieldType, Get: (Func<object?, object?>)f.GetValue))
            )
            .ToList();
        if (members.Count == 0 || IsValue(typeof(T)))
            return From([("value", typeof(T), rows.Cast<object?>().ToList())]);
        return From(members.Select(m => (m.Name, m.Type, (IReadOnlyList<object?>)rows.Select(r => m.Get(r)).ToList())));
    }

    /// <summary>One data frame column of the values of a .NET type (nullable forms allowed).</summary>
    public static DataFrameColumn Column(string name, Type type, IReadOnlyList<object?> values)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(DateOnly))
        {
            object?[] dates = [.. values.Select(v => v is DateOnly d ? d.ToDateTime(TimeOnly.MinValue) : v)];
            return Column(name, typeof(DateTime), dates);
        }
        if (underlying.IsEnum || underlying == typeof(string) || !Primitives.Contains(underlying))
            return new StringDataFrameColumn(name, values.Select(Text));
        return (DataFrameColumn)PrimitiveMethod.MakeGenericMethod(underlying).Invoke(null, [name, values])!;
    }

    private static bool IsValue(Type type) =>
        type.IsPrimitive
        || type.IsEnum
        || type == typeof(string)
        || type == typeof(decimal)
        || type == typeof(DateTime)
        || type == typeof(DateOnly)
        || Nullable.GetUnderlyingType(type) is not null;

    private static PrimitiveDataFrameColumn<T> Primitive<T>(string name, IReadOnlyList<object?> values)
        where T : unmanaged => new(name, values.Select(v => v is null ? (T?)null : (T)v));

    private static string? Text(object? value) =>
        value switch
        {
            null => null,
            string s => s,
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        };
}

/// <summary>Conversions to <see cref="DataFrame"/>.</summary>
public static class DataFrameExtensions
{
    /// <summary>The records as a data frame, a column per public property
    /// (<see cref="DataFrames.FromRecords{T}"/>).</summary>
    public static DataFrame ToDataFrame<T>(this IEnumerable<T> records) => DataFrames.FromRecords(records);
}
