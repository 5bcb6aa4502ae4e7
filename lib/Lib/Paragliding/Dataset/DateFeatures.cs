namespace Lib.Paragliding.Dataset;

/// <summary>
/// The date features of a day (Glideator's, plus the weekday and French public holidays, which drive who flies):
/// day of year as sin/cos (365.25-day period), weekend, a French public holiday, and the weekday one-hot (Monday
/// first). Already in [−1, 1]; not scaled.
/// </summary>
public static class DateFeatures
{
    /// <summary>The feature names in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    ["doy_sin", "doy_cos", "weekend", "holiday", "mon", "tue", "wed", "thu", "fri", "sat", "sun"];

    /// <summary>The features of <paramref name="date"/>.</summary>
    public static float[] Of(DateOnly date) =>
        From(date.DayOfYear, ((int)date.DayOfWeek + 6) % 7, IsFrenchHoliday(date));

    /// <summary>The features of a day given by its parts: day of year (1–366), weekday (Monday 0 … Sunday 6) and
    /// whether it is a holiday (what SHAP varies one at a time).</summary>
    public static float[] From(int dayOfYear, int weekday, bool holiday)
    {
        if (weekday is < 0 or > 6)
            throw new ArgumentOutOfRangeException(nameof(weekday), $"weekday {weekday}, expected 0 (Monday) … 6.");
        double angle = 2 * Math.PI * dayOfYear / 365.25;
        var f = new float[Names.Count];
        f[0] = (float)Math.Sin(angle);
        f[1] = (float)Math.Cos(angle);
        f[2] = weekday >= 5 ? 1 : 0;
        f[3] = holiday ? 1 : 0;
        f[4 + weekday] = 1;
        return f;
    }

    /// <summary>Whether <paramref name="date"/> is a French public holiday (the fixed days, Easter Monday, Ascension
    /// and Whit Monday).</summary>
    public static bool IsFrenchHoliday(DateOnly date)
    {
        (int M, int D)[] fixedDays = [(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)];
        if (fixedDays.Contains((date.Month, date.Day)))
            return true;
        var easter = EasterSunday(date.Year);
        return date == easter.AddDays(1) || date == easter.AddDays(39) || date == easter.AddDays(50);
    }

    /// <summary>Easter Sunday of the Gregorian <paramref name="year"/> (the anonymous Gregorian algorithm).</summary>
    public static DateOnly EasterSunday(int year)
    {
        int a = year % 19,
            b = year / 100,
            c = year % 100,
            d = b / 4,
            e = b % 4,
            f = (b + 8) / 25,
            g = (b - f + 1) / 3,
            h = (19 * a + b - d - g + 15) % 30,
            i = c / 4,
            k = c % 4,
            l = (32 + 2 * e + 2 * i - h - k) % 7,
            m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31,
            day = (h + l - 7 * m + 114) % 31 + 1;
        return new DateOnly(year, month, day);
    }
}
