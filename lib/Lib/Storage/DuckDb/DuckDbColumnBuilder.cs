using static Lib.Storage.DuckDb.DuckDbNative;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Gathers one result column chunk by chunk (flat vectors from <c>duckdb_fetch_chunk</c>) into a
/// growing .NET array, plus a validity mask allocated on the first NULL.
/// </summary>
internal abstract unsafe class DuckDbColumnBuilder(string name, DuckDbType type, string typeName, string sql)
{
    protected string Name { get; } = name;
    protected DuckDbType Type { get; } = type;
    protected string TypeName { get; } = typeName;
    protected int Count;
    private bool[]? _validity;
    private int _nulls;

    /// <summary>Appends the first <paramref name="rows"/> rows of <paramref name="vector"/>.</summary>
    internal void Append(nint vector, int rows)
    {
        ulong* validity = duckdb_vector_get_validity(vector);
        EnsureCapacity(Count + rows);
        if (Type == DuckDbType.SqlNull) TrackAllNull(rows);
        else if (validity is not null || _validity is not null) TrackValidity(validity, rows);
        try
        {
            Read(duckdb_vector_get_data(vector), validity, Count, rows);
        }
        catch (OverflowException e)
        {
            throw new OverflowException($"Column '{Name}' ({TypeName}) holds a value .NET cannot represent: {e.Message}\nSQL: {sql}", e);
        }
        Count += rows;
    }

    /// <summary>The finished column.</summary>
    internal DuckDbColumn Build()
    {
        var validity = _validity is null ? null : _validity.AsSpan(0, Count).ToArray();
        return new DuckDbColumn(Name, Type, TypeName, ElementType, Trim(Count), _nulls == 0 ? null : validity, _nulls);
    }

    protected static bool IsValid(ulong* validity, int row) => validity is null || (validity[row >> 6] & (1UL << (row & 63))) != 0;

    protected abstract Type ElementType { get; }
    protected abstract void EnsureCapacity(int rows);
    protected abstract Array Trim(int rows);

    /// <summary>Reads <paramref name="rows"/> values from <paramref name="data"/> into the buffer at <paramref name="offset"/>; NULL rows must not be dereferenced.</summary>
    protected abstract void Read(void* data, ulong* validity, int offset, int rows);

    private void TrackValidity(ulong* validity, int rows)
    {
        EnsureValidity(rows);
        for (int i = 0; i < rows; i++)
        {
            bool valid = IsValid(validity, i);
            _validity[Count + i] = valid;
            if (!valid) _nulls++;
        }
    }

    private void TrackAllNull(int rows)
    {
        EnsureValidity(rows);
        _validity.AsSpan(Count, rows).Clear();
        _nulls += rows;
    }

    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(_validity))]
    private void EnsureValidity(int rows)
    {
        if (_validity is null)
        {
            _validity = new bool[Math.Max(Count + rows, 2048)];
            _validity.AsSpan(0, Count).Fill(true);
        }
        else if (_validity.Length < Count + rows) Array.Resize(ref _validity, Math.Max(Count + rows, _validity.Length * 2));
    }

    /// <summary>The builder for a result column of logical type <paramref name="logicalType"/>, or an error naming the column when the type is not read.</summary>
    internal static DuckDbColumnBuilder For(string name, nint logicalType, string sql)
    {
        var type = duckdb_get_type_id(logicalType);
        string typeName = type.SqlName();
        return type switch
        {
            DuckDbType.Boolean => new Blittable<bool>(name, type, typeName, sql),
            DuckDbType.TinyInt => new Blittable<sbyte>(name, type, typeName, sql),
            DuckDbType.SmallInt => new Blittable<short>(name, type, typeName, sql),
            DuckDbType.Integer => new Blittable<int>(name, type, typeName, sql),
            DuckDbType.BigInt => new Blittable<long>(name, type, typeName, sql),
            DuckDbType.HugeInt => new Blittable<Int128>(name, type, typeName, sql),
            DuckDbType.UTinyInt => new Blittable<byte>(name, type, typeName, sql),
            DuckDbType.USmallInt => new Blittable<ushort>(name, type, typeName, sql),
            DuckDbType.UInteger => new Blittable<uint>(name, type, typeName, sql),
            DuckDbType.UBigInt => new Blittable<ulong>(name, type, typeName, sql),
            DuckDbType.UHugeInt => new Blittable<UInt128>(name, type, typeName, sql),
            DuckDbType.Float => new Blittable<float>(name, type, typeName, sql),
            DuckDbType.Double => new Blittable<double>(name, type, typeName, sql),
            DuckDbType.Date => new Converted<int, DateOnly>(name, type, typeName, sql, DuckDbTemporal.ToDate),
            DuckDbType.Time => new Converted<long, TimeOnly>(name, type, typeName, sql, DuckDbTemporal.ToTime),
            DuckDbType.Timestamp => Timestamp(name, type, typeName, sql, 10, DateTimeKind.Unspecified),
            DuckDbType.TimestampS => Timestamp(name, type, typeName, sql, TimeSpan.TicksPerSecond, DateTimeKind.Unspecified),
            DuckDbType.TimestampMs => Timestamp(name, type, typeName, sql, TimeSpan.TicksPerMillisecond, DateTimeKind.Unspecified),
            DuckDbType.TimestampNs => Timestamp(name, type, typeName, sql, -100, DateTimeKind.Unspecified),
            DuckDbType.TimestampTz => Timestamp(name, type, typeName, sql, 10, DateTimeKind.Utc),
            DuckDbType.Uuid => new Converted<Int128, Guid>(name, type, typeName, sql, UuidToGuid),
            DuckDbType.Varchar => new Strings<string>(name, type, typeName, sql, new DuckDbStringCache().Decode),
            DuckDbType.Blob => new Strings<byte[]>(name, type, typeName, sql, (p, n) => new ReadOnlySpan<byte>(p, n).ToArray()),
            DuckDbType.Decimal => Decimal(name, logicalType, sql),
            DuckDbType.Enum => Enum(name, logicalType, sql),
            DuckDbType.SqlNull => new Nulls(name, sql),
            _ => throw new DuckDbException(
                $"Column '{name}' has type {typeName}, which this binding does not read into .NET; cast it in the query, " +
                $"for example CAST({name} AS VARCHAR).", sql),
        };
    }

    private static Converted<long, DateTime> Timestamp(string name, DuckDbType type, string typeName, string sql, long ticksPerUnit, DateTimeKind kind) =>
        new(name, type, typeName, sql, v => DuckDbTemporal.ToDateTime(v, ticksPerUnit, kind));

    private static DuckDbColumnBuilder Decimal(string name, nint logicalType, string sql)
    {
        byte width = duckdb_decimal_width(logicalType), scale = duckdb_decimal_scale(logicalType);
        string typeName = $"DECIMAL({width},{scale})";
        return duckdb_decimal_internal_type(logicalType) switch
        {
            DuckDbType.SmallInt => new Converted<short, decimal>(name, DuckDbType.Decimal, typeName, sql, v => ToDecimal(v, scale)),
            DuckDbType.Integer => new Converted<int, decimal>(name, DuckDbType.Decimal, typeName, sql, v => ToDecimal(v, scale)),
            DuckDbType.BigInt => new Converted<long, decimal>(name, DuckDbType.Decimal, typeName, sql, v => ToDecimal(v, scale)),
            _ => new Converted<Int128, decimal>(name, DuckDbType.Decimal, typeName, sql, v => ToDecimal(v, scale)),
        };
    }

    private static DuckDbColumnBuilder Enum(string name, nint logicalType, string sql)
    {
        var dictionary = new string[duckdb_enum_dictionary_size(logicalType)];
        for (int i = 0; i < dictionary.Length; i++)
        {
            nint text = duckdb_enum_dictionary_value(logicalType, (ulong)i);
            try { dictionary[i] = Utf8(text) ?? ""; }
            finally { duckdb_free(text); }
        }
        return duckdb_enum_internal_type(logicalType) switch
        {
            DuckDbType.UTinyInt => new Converted<byte, string>(name, DuckDbType.Enum, "ENUM", sql, i => dictionary[i]),
            DuckDbType.USmallInt => new Converted<ushort, string>(name, DuckDbType.Enum, "ENUM", sql, i => dictionary[i]),
            _ => new Converted<uint, string>(name, DuckDbType.Enum, "ENUM", sql, i => dictionary[i]),
        };
    }

    /// <summary>A decimal from DuckDB's scaled integer; throws when it needs more than .NET's 96 bits.</summary>
    internal static decimal ToDecimal(Int128 value, byte scale)
    {
        bool negative = value < 0;
        var magnitude = negative ? (UInt128)(-value) : (UInt128)value;
        if (magnitude >> 96 != 0) throw new OverflowException($"DECIMAL value {value} (scale {scale}) needs more than the 96 bits of .NET's decimal.");
        return new decimal((int)(uint)magnitude, (int)(uint)(magnitude >> 32), (int)(uint)(magnitude >> 64), negative, scale);
    }

    /// <summary>DuckDB stores a UUID as a HUGEINT with the top bit flipped (so it sorts); the Guid is its 16 bytes big-endian.</summary>
    private static Guid UuidToGuid(Int128 value)
    {
        var bits = (UInt128)value ^ ((UInt128)1 << 127);
        Span<byte> bytes = stackalloc byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, bits);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>A column whose values are an array of <typeparamref name="T"/>.</summary>
    private abstract class Typed<T>(string name, DuckDbType type, string typeName, string sql) : DuckDbColumnBuilder(name, type, typeName, sql)
    {
        protected T[] Buffer = [];
        protected override Type ElementType => typeof(T);

        protected override void EnsureCapacity(int rows)
        {
            if (Buffer.Length < rows) Array.Resize(ref Buffer, Math.Max(rows, Math.Max(2048, Buffer.Length * 2)));
        }

        protected override Array Trim(int rows) => Buffer.Length == rows ? Buffer : Buffer.AsSpan(0, rows).ToArray();
    }

    /// <summary>Values whose DuckDB layout is the .NET one: copied as a block, NULL rows reset to default.</summary>
    private sealed class Blittable<T>(string name, DuckDbType type, string typeName, string sql) : Typed<T>(name, type, typeName, sql)
        where T : unmanaged
    {
        protected override void Read(void* data, ulong* validity, int offset, int rows)
        {
            new ReadOnlySpan<T>(data, rows).CopyTo(Buffer.AsSpan(offset, rows));
            if (validity is null) return;
            for (int i = 0; i < rows; i++)
                if (!IsValid(validity, i)) Buffer[offset + i] = default;
        }
    }

    /// <summary>Values converted one by one from DuckDB's <typeparamref name="TNative"/>; NULL rows are skipped.</summary>
    private sealed class Converted<TNative, T>(string name, DuckDbType type, string typeName, string sql, Func<TNative, T> convert)
        : Typed<T>(name, type, typeName, sql) where TNative : unmanaged
    {
        protected override void Read(void* data, ulong* validity, int offset, int rows)
        {
            var source = new ReadOnlySpan<TNative>(data, rows);
            var target = Buffer.AsSpan(offset, rows);
            for (int i = 0; i < rows; i++)
                target[i] = IsValid(validity, i) ? convert(source[i]) : default!;
        }
    }

    /// <summary>
    /// VARCHAR and BLOB: <c>duckdb_string_t</c> is 16 bytes, a uint32 length then either the bytes
    /// inlined (length ≤ 12) or a 4-byte prefix and a pointer to them.
    /// </summary>
    private sealed class Strings<T>(string name, DuckDbType type, string typeName, string sql, Strings<T>.Decode decode)
        : Typed<T>(name, type, typeName, sql) where T : class
    {
        internal delegate T Decode(byte* bytes, int length);

        protected override void Read(void* data, ulong* validity, int offset, int rows)
        {
            var target = Buffer.AsSpan(offset, rows);
            for (int i = 0; i < rows; i++)
            {
                if (!IsValid(validity, i)) { target[i] = null!; continue; }
                byte* s = (byte*)data + 16 * i;
                int length = (int)*(uint*)s;
                target[i] = decode(length <= 12 ? s + 4 : *(byte**)(s + 8), length);
            }
        }
    }

    /// <summary>The type of a bare NULL: every row NULL.</summary>
    private sealed class Nulls(string name, string sql) : Typed<object>(name, DuckDbType.SqlNull, "NULL", sql)
    {
        protected override void Read(void* data, ulong* validity, int offset, int rows) { }
    }
}
