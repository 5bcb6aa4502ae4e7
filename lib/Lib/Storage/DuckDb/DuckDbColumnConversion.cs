using System.Globalization;
using System.Numerics;

namespace Lib.Storage.DuckDb;

/// <summary>
/// A column's values as another .NET type: its own type, a nullable form, <c>object</c>, or a lossless widening
/// (integers to <c>long</c> or <c>double</c>, <c>float</c> to <c>double</c>, <c>DateOnly</c> to <c>DateTime</c>,
/// and <c>decimal</c> to <c>double</c>). Anything else is an <see cref="InvalidCastException"/> naming the column.
/// </summary>
internal static class DuckDbColumnConversion
{
    private static readonly Dictionary<Type, Type[]> IntegerWidenings = new()
    {
        [typeof(sbyte)] = [typeof(short), typeof(int), typeof(long)],
        [typeof(byte)] = [typeof(short), typeof(ushort), typeof(int), typeof(uint), typeof(long)],
        [typeof(short)] = [typeof(int), typeof(long)],
        [typeof(ushort)] = [typeof(int), typeof(uint), typeof(long)],
        [typeof(int)] = [typeof(long)],
        [typeof(uint)] = [typeof(long)],
        [typeof(long)] = [],
    };

    public static T[] Read<T>(DuckDbColumn column)
    {
        var target = typeof(T);
        var underlying = Nullable.GetUnderlyingType(target) ?? target;
        bool nullable = !target.IsValueType || underlying != target;
        if (!nullable && column.NullCount > 0)
            throw new InvalidCastException(
                $"Column '{column.Name}' ({column.TypeName}) has {column.NullCount} NULL values, which {target.Name} "
                    + $"cannot hold; read it as {target.Name}? or filter the NULLs."
            );
        if (target == column.ClrType)
            return (T[])column.Values.Clone();
        if (target == typeof(object) || underlying == column.ClrType)
            return Map<T>(column, v => v);
        if (!Widens(column.ClrType, underlying))
            throw new InvalidCastException(
                $"Column '{column.Name}' is {column.TypeName} ({column.ClrType.Name}), which does not convert to "
                    + $"{target.Name} without loss; read it as its own type or CAST it in the SQL."
            );
        return Map<T>(column, v => Widen(v, underlying));
    }

    /// <summary>
    /// Whether <paramref name="from"/> converts to <paramref name="to"/> without loss (decimal → double allowed).
    /// </summary>
    public static bool Widens(Type from, Type to)
    {
        if (from == to)
            return true;
        if (IntegerWidenings.TryGetValue(from, out var wider) && wider.Contains(to))
            return true;
        if (to == typeof(double))
            return IntegerWidenings.ContainsKey(from)
                || from == typeof(float)
                || from == typeof(decimal)
                || from == typeof(BigInteger);
        return from == typeof(DateOnly) && to == typeof(DateTime);
    }

    /// <summary>Converts a value of a type that <see cref="Widens"/> to <paramref name="to"/>.</summary>
    public static object Widen(object value, Type to) =>
        value is DateOnly date ? date.ToDateTime(TimeOnly.MinValue)
        : value is BigInteger big ? (double)big
        : Convert.ChangeType(value, to, CultureInfo.InvariantCulture);

    private static T[] Map<T>(DuckDbColumn column, Func<object, object> convert)
    {
        var result = new T[column.Length];
        for (int i = 0; i < result.Length; i++)
            if (!column.IsNull(i))
                result[i] = (T)convert(column.Values.GetValue(i)!);
        return result;
    }
}
