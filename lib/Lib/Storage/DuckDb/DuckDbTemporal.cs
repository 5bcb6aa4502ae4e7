namespace Lib.Storage.DuckDb;

/// <summary>
/// DuckDB's temporal encodings: <c>DATE</c> is int32 days since 1970-01-01; <c>TIMESTAMP</c> int64
/// microseconds since 1970-01-01 00:00 (<c>_S</c>, <c>_MS</c>, <c>_NS</c> other units);
/// <c>TIME</c> int64 microseconds since midnight. ±infinity become the .NET min/max values.
/// </summary>
internal static class DuckDbTemporal
{
    private const int EpochDayNumber = 719_162; // DateOnly(1970, 1, 1).DayNumber
    private static readonly long EpochTicks = DateTime.UnixEpoch.Ticks;

    internal static DateOnly ToDate(int days) => days switch
    {
        int.MaxValue => DateOnly.MaxValue,
        -int.MaxValue or int.MinValue => DateOnly.MinValue,
        _ => (long)days + EpochDayNumber is var n and >= 0 and <= 3_652_058 // DateOnly.MaxValue.DayNumber
            ? DateOnly.FromDayNumber((int)n)
            : throw new OverflowException($"DATE {days} days from 1970-01-01 is outside .NET's DateOnly range (years 1 to 9999)."),
    };

    internal static int FromDate(DateOnly date) => date.DayNumber - EpochDayNumber;

    /// <summary>A timestamp in <paramref name="ticksPerUnit"/> (10 for µs) or, when negative, units per tick (-100 for ns).</summary>
    internal static DateTime ToDateTime(long value, long ticksPerUnit, DateTimeKind kind)
    {
        if (value == long.MaxValue) return DateTime.SpecifyKind(DateTime.MaxValue, kind);
        if (value is long.MinValue or -long.MaxValue) return DateTime.SpecifyKind(DateTime.MinValue, kind);
        long ticks = ticksPerUnit > 0 ? checked(value * ticksPerUnit) : value / -ticksPerUnit;
        long total = checked(ticks + EpochTicks);
        if (total < DateTime.MinValue.Ticks || total > DateTime.MaxValue.Ticks)
            throw new OverflowException($"TIMESTAMP {value} is outside .NET's DateTime range (years 1 to 9999).");
        return new DateTime(total, kind);
    }

    /// <summary>The wall-clock time as TIMESTAMP microseconds, whatever the <see cref="DateTime.Kind"/> (TIMESTAMP has no zone).</summary>
    internal static long FromDateTime(DateTime time) => (time.Ticks - EpochTicks) / 10;

    internal static TimeOnly ToTime(long micros) => new(micros * 10);
}
