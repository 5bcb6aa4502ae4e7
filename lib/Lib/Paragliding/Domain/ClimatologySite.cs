namespace Lib.Paragliding.Domain;

/// <summary>
/// A site of Glideator's own climatology (<c>glideator/sites.csv</c>, MIT) with its monthly flight statistics
/// (<c>flight_stats.csv</c>): for each month 1–12, the average number of days with a flight over 0, 10, …, 100 km
/// (<see cref="DaysOver"/>[month − 1][k] for k × 10 km). Glideator's data (mostly XContest, mostly the Alps), not
/// FFVL's.
/// </summary>
public sealed record ClimatologySite(
    int Id,
    string Name,
    double Latitude,
    double Longitude,
    double AltitudeM,
    IReadOnlyList<double[]> DaysOver
)
{
    /// <summary>The share of days of <paramref name="month"/> with a flight over <paramref name="km"/> (a multiple of
    /// 10 up to 100), the month's average days divided by its length in a common year.</summary>
    public double DailyRate(int month, int km)
    {
        int days = DateTime.DaysInMonth(2017, month);
        return Math.Clamp(DaysOver[month - 1][km / 10] / days, 0, 1);
    }
}
