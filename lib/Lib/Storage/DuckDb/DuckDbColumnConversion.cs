using System.Collections.Concurrent;
using System.Numerics;
using System.Reflection;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Reads a <see cref="DuckDbColumn"/> as <c>T[]</c>: its own .NET type, a lossless widening
/// (INTEGER as <c>long</c> or <c>double</c>, FLOAT as <c>double</c>, DATE as <c>DateTime</c>; DECIMAL
/// also as <c>double</c>), <c>Nullable</c> of either (NULL → <c>null</c>), or <c>object</c> (boxed).
/// Anything else is an error naming the column, its type and what it can be read as.
/// </summary>
internal static class DuckDbColumnConversion
{
    private static readonly Dictionary<Type, Type[]> Widenings = new()
    {
        [typeof(sbyte)] = [typeof(short), typeof(int), typeof(long), typeof(Int128), typeof(float), typeof(double), typeof(decimal)],
        [typeof(short)] = [typeof(int), typeof(long), typeof(Int128), typeof(float), typeof(double), typeof(decimal)],
        [typeof(int)] = [typeof(long), typeof(Int128), typeof(double), typeof(decimal)],
        [typeof(long)] = [typeof(Int128), typeof(decimal)],
        [typeof(byte)] = [typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(Int128), typeof(UInt128), typeof(float), typeof(double), typeof(decimal)],
        [typeof(ushort)] = [typeof(int), typeof(uint), typeof(long), typeof(ulong), typeof(Int128), typeof(UInt128), typeof(float), typeof(double), typeof(decimal)],
        [typeof(uint)] = [typeof(long), typeof(ulong), typeof(Int128), typeof(UInt128), typeof(double), typeof(decimal)],
        [typeof(ulong)] = [typeof(Int128), typeof(UInt128), typeof(decimal)],
        [typeof(float)] = [typeof(double)],
        [typeof(decimal)] = [typeof(double)],
        [typeof(DateOnly)] = [typeof(DateTime)],
    };

    private static readonly ConcurrentDictionary<(Type From, Type To), Func<Array, Array>> Converters = new();

    /// <summary>The types <paramref name="column"/> can be read as (besides their nullable forms and <c>object</c>).</summary>
    internal static IEnumerable<Type> ReadableAs(DuckDbColumn column) =>
        Widenings.TryGetValue(column.ClrType, out var wider) ? [column.ClrType, .. wider] : [column.ClrType];

    /// <summary>Whether <paramref name="column"/> can be read as <paramref name="target"/> (ignoring NULLs).</summary>
    internal static bool CanRead(DuckDbColumn column, Type target)
    {
        var element = Nullable.GetUnderlyingType(target) ?? target;
        return element == typeof(object) || column.ClrType == typeof(object) || ReadableAs(column).Contains(element);
    }

    /// <summary>The column as <typeparamref name="T"/>[] (a new array).</summary>
    internal static T[] Read<T>(DuckDbColumn column) => (T[])Read(column, typeof(T));

    /// <summary>The column as an array of <paramref name="target"/> (a new array).</summary>
    internal static Array Read(DuckDbColumn column, Type target)
    {
        var underlying = Nullable.GetUnderlyingType(target);
        var element = underlying ?? target;
        bool acceptsNull = underlying is not null || !target.IsValueType;
        if (!CanRead(column, target))
            throw new InvalidCastException(
                $"Column '{column.Name}' is {column.TypeName} (read into .NET as {Friendly(column.ClrType)}) and cannot be read as {Friendly(target)}[]; " +
                $"it can be read as {string.Join(", ", ReadableAs(column).Select(t => Friendly(t) + "[]"))} (or their nullable forms).");
        if (column.NullCount > 0 && !acceptsNull)
            throw new InvalidCastException(
                $"Column '{column.Name}' ({column.TypeName}) has {column.NullCount:N0} NULL{(column.NullCount == 1 ? "" : "s")} of {column.Length:N0} rows " +
                $"and cannot be read as {Friendly(target)}[]; read it as {Friendly(element)}?[] or look at GetValidity(\"{column.Name}\").");

        if (element == typeof(object) || (column.ClrType == typeof(object) && element != typeof(object)))
        {
            var boxed = Array.CreateInstance(target, column.Length);
            if (column.ClrType != typeof(object)) // the NULL type reads as all-null of any nullable type
                for (int i = 0; i < column.Length; i++) boxed.SetValue(column[i], i);
            return boxed;
        }

        var values = element == column.ClrType ? (Array)column.Values.Clone() : Converter(column.ClrType, element)(column.Values);
        if (underlying is null) return values;
        return (Array)typeof(DuckDbColumnConversion).GetMethod(nameof(ToNullable), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(element).Invoke(null, [values, column.Validity])!;
    }

    internal static string Friendly(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? Friendly(inner) + "?" : type switch
        {
            _ when type == typeof(bool) => "bool",
            _ when type == typeof(sbyte) => "sbyte",
            _ when type == typeof(byte) => "byte",
            _ when type == typeof(short) => "short",
            _ when type == typeof(ushort) => "ushort",
            _ when type == typeof(int) => "int",
            _ when type == typeof(uint) => "uint",
            _ when type == typeof(long) => "long",
            _ when type == typeof(ulong) => "ulong",
            _ when type == typeof(float) => "float",
            _ when type == typeof(double) => "double",
            _ when type == typeof(decimal) => "decimal",
            _ when type == typeof(string) => "string",
            _ when type == typeof(object) => "object",
            _ when type == typeof(byte[]) => "byte[]",
            _ => type.Name,
        };

    private static Func<Array, Array> Converter(Type from, Type to) => Converters.GetOrAdd((from, to), key =>
    {
        if (key.From == typeof(DateOnly)) return a => ((DateOnly[])a).Select(d => d.ToDateTime(TimeOnly.MinValue)).ToArray();
        var method = typeof(DuckDbColumnConversion).GetMethod(nameof(Widen), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(key.From, key.To);
        return method.CreateDelegate<Func<Array, Array>>();
    });

    private static Array Widen<TFrom, TTo>(Array values) where TFrom : INumberBase<TFrom> where TTo : INumberBase<TTo>
    {
        var from = (TFrom[])values;
        var to = new TTo[from.Length];
        for (int i = 0; i < from.Length; i++) to[i] = TTo.CreateTruncating(from[i]);
        return to;
    }

    private static T?[] ToNullable<T>(T[] values, bool[]? validity) where T : struct
    {
        var result = new T?[values.Length];
        for (int i = 0; i < values.Length; i++)
            if (validity is null || validity[i]) result[i] = values[i];
        return result;
    }
}
