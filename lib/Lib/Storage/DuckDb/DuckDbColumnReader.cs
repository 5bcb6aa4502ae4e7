using DuckDB.NET.Data;

namespace Lib.Storage.DuckDb;

/// <summary>Reads one column of a <see cref="DuckDBDataReader"/> row by row into a growing typed array.</summary>
internal abstract class DuckDbColumnReader
{
    public static DuckDbColumnReader For(DuckDBDataReader reader, int ordinal)
    {
        var type = reader.GetFieldType(ordinal);
        var element = type.IsValueType || type == typeof(string) ? type : typeof(object);
        var generic = typeof(DuckDbColumnReader<>).MakeGenericType(element);
        var typeName = reader.GetDataTypeName(ordinal).ToUpperInvariant();
        return (DuckDbColumnReader)Activator.CreateInstance(generic, ordinal, reader.GetName(ordinal), typeName)!;
    }

    public abstract void Read(DuckDBDataReader reader, int row);

    public abstract DuckDbColumn Finish(int rows);
}

/// <summary>The column reader for values of type <typeparamref name="T"/>.</summary>
internal sealed class DuckDbColumnReader<T>(int ordinal, string name, string typeName) : DuckDbColumnReader
{
    private const int MaxShared = 1 << 16;

    private T[] _values = new T[1024];
    private bool[]? _validity;
    private Dictionary<string, string>? _shared = typeof(T) == typeof(string) ? new(StringComparer.Ordinal) : null;

    public override void Read(DuckDBDataReader reader, int row)
    {
        if (row == _values.Length)
            Grow();
        if (reader.IsDBNull(ordinal))
        {
            if (_validity is null)
            {
                _validity = new bool[_values.Length];
                Array.Fill(_validity, true, 0, row);
            }
            _validity[row] = false;
            return;
        }
        _values[row] =
            typeof(T) == typeof(object) ? (T)reader.GetValue(ordinal)
            : typeof(T) == typeof(string) ? (T)(object)Shared(reader.GetString(ordinal))
            : reader.GetFieldValue<T>(ordinal);
        if (_validity is not null)
            _validity[row] = true;
    }

    public override DuckDbColumn Finish(int rows)
    {
        Array.Resize(ref _values, rows);
        if (_validity is not null)
            Array.Resize(ref _validity, rows);
        return new DuckDbColumn(name, typeName, typeof(T), _values, _validity);
    }

    /// <summary>
    /// One string object per distinct value (up to <see cref="MaxShared"/> of them), so a column of repeated names
    /// keeps a few thousand strings alive rather than a million: the copies die young, which the GC handles cheaply.
    /// </summary>
    private string Shared(string value)
    {
        if (_shared is null)
            return value;
        if (_shared.TryGetValue(value, out var shared))
            return shared;
        if (_shared.Count < MaxShared)
            _shared.Add(value, value);
        else
            _shared = null;
        return value;
    }

    private void Grow()
    {
        Array.Resize(ref _values, _values.Length * 2);
        if (_validity is not null)
            Array.Resize(ref _validity, _values.Length);
    }
}
