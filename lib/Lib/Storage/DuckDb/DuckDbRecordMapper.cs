using System.Reflection;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Maps result rows to records or classes: the public constructor with the most parameters takes a
/// column per parameter, then public settable properties not set by it take one each. Names match
/// exactly, then ignoring case, then ignoring case and underscores (<c>athlete_id</c> → <c>AthleteId</c>).
/// </summary>
internal static class DuckDbRecordMapper
{
    internal static List<T> Map<T>(DuckDbResult result)
    {
        var type = typeof(T);
        var ctor = type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .OrderByDescending(c => c.GetParameters().Length).FirstOrDefault();
        if (ctor is null && !type.IsValueType)
            throw new InvalidOperationException($"Cannot map rows to {type.Name}: it has no public constructor.");
        var parameters = ctor?.GetParameters() ?? [];

        var arguments = new Array?[parameters.Length];
        var defaults = new object?[parameters.Length];
        for (int i = 0; i < parameters.Length; i++)
        {
            var p = parameters[i];
            var column = Find(result, p.Name!);
            if (column is null)
            {
                if (!p.HasDefaultValue) throw Missing(result, type, $"constructor parameter '{p.Name}'", p.Name!);
                defaults[i] = p.DefaultValue;
                continue;
            }
            arguments[i] = Read(result, column, p.ParameterType, $"{type.Name}({p.Name})");
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true } && p.GetIndexParameters().Length == 0
                        && !parameters.Any(a => string.Equals(a.Name, p.Name, StringComparison.OrdinalIgnoreCase)))
            .Select(p => (Property: p, Values: Read(result, Find(result, p.Name) ?? throw Missing(result, type, $"property '{p.Name}'", p.Name),
                                                   p.PropertyType, $"{type.Name}.{p.Name}")))
            .ToList();

        var invoker = ctor is null ? null : ConstructorInvoker.Create(ctor);
        var rows = new List<T>(result.RowCount);
        var args = new object?[parameters.Length];
        for (int row = 0; row < result.RowCount; row++)
        {
            for (int i = 0; i < args.Length; i++) args[i] = arguments[i] is { } values ? values.GetValue(row) : defaults[i];
            object record = invoker is null ? Activator.CreateInstance(type)! : invoker.Invoke(args.AsSpan())!;
            foreach (var (property, values) in properties) property.SetValue(record, values.GetValue(row));
            rows.Add((T)record);
        }
        return rows;
    }

    /// <summary>The column for a member name: exact, then ignoring case, then ignoring case and underscores.</summary>
    internal static DuckDbColumn? Find(DuckDbResult result, string member)
    {
        var columns = result.Columns;
        return columns.FirstOrDefault(c => c.Name == member)
            ?? columns.FirstOrDefault(c => string.Equals(c.Name, member, StringComparison.OrdinalIgnoreCase))
            ?? columns.FirstOrDefault(c => Normalise(c.Name) == Normalise(member));
    }

    private static string Normalise(string name) => name.Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    private static Array Read(DuckDbResult result, DuckDbColumn column, Type memberType, string member)
    {
        try { return DuckDbColumnConversion.Read(column, memberType); }
        catch (InvalidCastException e)
        {
            throw new InvalidCastException(
                $"Cannot map column '{column.Name}' ({column.TypeName}) to {member} of type {DuckDbColumnConversion.Friendly(memberType)}: {e.Message}\nSQL: {result.Sql}", e);
        }
    }

    private static InvalidOperationException Missing(DuckDbResult result, Type type, string what, string name) => new(
        $"Cannot map rows to {type.Name}: its {what} has no column '{name}' (matched ignoring case and underscores, so " +
        $"'{SnakeCase(name)}' would do); the result has {string.Join(", ", result.Columns.Select(c => c.Name))}.\nSQL: {result.Sql}");

    private static string SnakeCase(string name) =>
        string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));
}
