using System.Buffers;
using System.Text;
using DuckDB.NET.Native;
using static DuckDB.NET.Native.NativeMethods;

namespace Lib.Storage.DuckDb;

/// <summary>Copies a slice of one .NET array into a DuckDB vector of a data chunk (for <see cref="ColumnAppender"/>).
/// </summary>
internal abstract unsafe class ColumnWriter(DuckDBLogicalType logicalType)
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;
    private const int UnixEpochDay = 719162; // DateOnly.DayNumber of 1970-01-01

    public DuckDBLogicalType LogicalType { get; } = logicalType;

    public abstract void Write(IntPtr vector, int start, int count);

    /// <summary>The writer of <paramref name="values"/> into a column of <paramref name="type"/>, or null when they do
    /// not match.
    /// </summary>
    public static ColumnWriter? For(Array values, DuckDBType type, DuckDBLogicalType logical) =>
        (values, type) switch
        {
            (bool[] v, DuckDBType.Boolean) => Same(v, logical),
            (bool?[] v, DuckDBType.Boolean) => Nullable(v, logical, x => x),
            (sbyte[] v, DuckDBType.TinyInt) => Same(v, logical),
            (short[] v, DuckDBType.SmallInt) => Same(v, logical),
            (int[] v, DuckDBType.Integer) => Same(v, logical),
            (int?[] v, DuckDBType.Integer) => Nullable(v, logical, x => x),
            (long[] v, DuckDBType.BigInt) => Same(v, logical),
            (long?[] v, DuckDBType.BigInt) => Nullable(v, logical, x => x),
            (float[] v, DuckDBType.Float) => Same(v, logical),
            (double[] v, DuckDBType.Double) => Same(v, logical),
            (double?[] v, DuckDBType.Double) => Nullable(v, logical, x => x),
            (DateOnly[] v, DuckDBType.Date) => new Fixed<DateOnly, int>(v, logical, DateDays),
            (DateOnly?[] v, DuckDBType.Date) => Nullable(v, logical, DateDays),
            (DateTime[] v, DuckDBType.Timestamp) => new Fixed<DateTime, long>(v, logical, Microseconds),
            (string?[] v, DuckDBType.Varchar) => new Strings(v, logical),
            _ => null,
        };

    private static int DateDays(DateOnly date) => date.DayNumber - UnixEpochDay;

    private static long Microseconds(DateTime time) => (time.Ticks - UnixEpochTicks) / 10;

    private static Fixed<T, T> Same<T>(T[] values, DuckDBLogicalType logical)
        where T : unmanaged => new(values, logical, x => x);

    private static Fixed<T?, TOut> Nullable<T, TOut>(T?[] values, DuckDBLogicalType logical, Func<T, TOut> convert)
        where T : struct
        where TOut : unmanaged => new(values, logical, x => convert(x.GetValueOrDefault()), x => x.HasValue);

    private static void SetNull(IntPtr vector, int row)
    {
        Vectors.DuckDBVectorEnsureValidityWritable(vector);
        ValidityMask.DuckDBValiditySetRowValidity(Vectors.DuckDBVectorGetValidity(vector), (ulong)row, false);
    }

    /// <summary>Fixed-width values, converted to DuckDB's physical type <typeparamref name="TOut"/>.</summary>
    private sealed class Fixed<TIn, TOut>(
        TIn[] values,
        DuckDBLogicalType logical,
        Func<TIn, TOut> convert,
        Func<TIn, bool>? valid = null
    ) : ColumnWriter(logical)
        where TOut : unmanaged
    {
        public override void Write(IntPtr vector, int start, int count)
        {
            var data = new Span<TOut>(Vectors.DuckDBVectorGetData(vector), count);
            var source = values.AsSpan(start, count);
            if (typeof(TIn) == typeof(TOut))
            {
                ((TOut[])(object)values).AsSpan(start, count).CopyTo(data);
                return;
            }
            for (int i = 0; i < count; i++)
            {
                data[i] = convert(source[i]);
                if (valid is not null && !valid(source[i]))
                    SetNull(vector, i);
            }
        }
    }

    /// <summary>Strings, UTF-8 encoded into one reused buffer (null = NULL); lone surrogates become U+FFFD.</summary>
    private sealed class Strings(string?[] values, DuckDBLogicalType logical) : ColumnWriter(logical)
    {
        public override void Write(IntPtr vector, int start, int count)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent(256);
            try
            {
                for (int i = 0; i < count; i++)
                {
                    var s = values[start + i];
                    if (s is null)
                    {
                        SetNull(vector, i);
                        continue;
                    }
                    int max = Encoding.UTF8.GetMaxByteCount(s.Length);
                    if (max > buffer.Length)
                    {
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = ArrayPool<byte>.Shared.Rent(max);
                    }
                    int length = Encoding.UTF8.GetBytes(s, buffer);
                    // Encoding.UTF8 always produces valid UTF-8, so DuckDB's own validation can be skipped.
                    fixed (byte* p = buffer)
                        Vectors.DuckDBUnsafeVectorAssignStringElementLength(vector, (ulong)i, p, length);
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
    }
}
