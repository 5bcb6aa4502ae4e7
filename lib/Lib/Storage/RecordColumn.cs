using System.Reflection;
using System.Text;

namespace Lib.Storage;

/// <summary>
/// One column of a record's table: a public property, its column name (the property's name in snake_case,
/// <c>AthleteKey</c> → <c>athlete_key</c>), its .NET type and DuckDB type, and whether it may be NULL.
/// </summary>
public sealed class RecordColumn
{
    internal RecordColumn(PropertyInfo property)
    {
        Property = property;
        Name = SnakeCase(property.Name);
        Type = property.PropertyType;
        var underlying = Nullable.GetUnderlyingType(Type);
        ValueType = underlying ?? Type;
        IsNullable =
            underlying is not null
            || (
                !Type.IsValueType // a context per column: NullabilityInfoContext is not thread-safe
                && new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull
            );
        SqlType = SqlTypeOf(ValueType)
            ?? throw new NotSupportedException(
                $"{property.DeclaringType?.Name}.{property.Name} is {Type.Name}, which a table column cannot hold; "
                    + "use bool, int, long, float, double, string, DateOnly, DateTime, an enum or their nullable forms."
            );
    }

    /// <summary>The property.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The column's name.</summary>
    public string Name { get; }

    /// <summary>The property's type.</summary>
    public Type Type { get; }

    /// <summary>The type without <see cref="Nullable{T}"/>.</summary>
    public Type ValueType { get; }

    /// <summary>Whether NULL is allowed (a nullable value type or a nullable reference).</summary>
    public bool IsNullable { get; }

    /// <summary>DuckDB's type for the column, such as <c>VARCHAR</c> (enums are stored by name).</summary>
    public string SqlType { get; }

    /// <summary>The .NET type DuckDB reads the column back as (an enum's is <c>string</c>).</summary>
    public Type StoredType => ValueType.IsEnum ? typeof(string) : ValueType;

    /// <summary>The element type of the column's values in an array: <see cref="Type"/>, string for enums.</summary>
    public Type ArrayType => ValueType.IsEnum ? typeof(string) : Type;

    /// <summary>The property's value on <paramref name="record"/> as stored (an enum by name).</summary>
    public object? Stored(object? record)
    {
        var value = Property.GetValue(record);
        return value is Enum ? value.ToString() : value;
    }

    /// <summary>Describes the member for messages: <c>Route.Angle (int)</c>.</summary>
    public string Describe() =>
        $"{Property.DeclaringType?.Name}.{Property.Name} ({(IsNullable ? ValueType.Name + "?" : ValueType.Name)})";

    /// <summary><c>AthleteKey</c> → <c>athlete_key</c>, <c>VGrade</c> → <c>v_grade</c>, <c>X</c> → <c>x</c>.</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool afterLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
            bool beforeLower = i > 0 && i + 1 < name.Length && char.IsLower(name[i + 1]);
            bool boundary = char.IsUpper(c) && (afterLower || beforeLower);
            if (boundary)
                text.Append('_');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    private static string? SqlTypeOf(Type type) =>
        type switch
        {
            _ when type == typeof(string) || type.IsEnum => "VARCHAR",
            _ when type == typeof(bool) => "BOOLEAN",
            _ when type == typeof(int) => "INTEGER",
            _ when type == typeof(long) => "BIGINT",
            _ when type == typeof(float) => "FLOAT",
            _ when type == typeof(double) => "DOUBLE",
            _ when type == typeof(DateOnly) => "DATE",
            _ when type == typeof(DateTime) => "TIMESTAMP",
            _ => null,
        };
}
