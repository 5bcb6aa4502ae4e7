using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Reads Glideator's site list and monthly flight climatology (<c>glideator/sites.csv</c> and
/// <c>glideator/flight_stats.csv</c>) into <see cref="ClimatologySite"/>s. A reference table: a bad value, an unknown
/// site or a site without all twelve months is an error naming the file and line.
/// </summary>
public static class ClimatologyReader
{
    /// <summary>The distances of the statistics' columns: <c>avg_days_over_0</c> … <c>avg_days_over_100</c>.</summary>
    public static IReadOnlyList<int> Km { get; } = [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100];

    /// <summary>The sites with their twelve months of statistics.</summary>
    public static IReadOnlyList<ClimatologySite> Read(string sitesPath, string statsPath)
    {
        var siteRows = CsvFile.ReadTable(sitesPath, "site_id", "name", "latitude", "longitude", "altitude");
        string[] columns = [.. Km.Select(k => $"avg_days_over_{k}")];
        var statRows = CsvFile.ReadTable(statsPath, ["site_id", "month", .. columns]);
        var months = new Dictionary<int, double[][]>();
        foreach (var row in statRows)
        {
            int id = Int(statsPath, row, "site_id");
            int month = Int(statsPath, row, "month");
            if (month is < 1 or > 12)
                throw new InvalidDataException($"{statsPath}: line {row.Line}: month {month} is not 1–12.");
            if (!months.TryGetValue(id, out var table))
                months[id] = table = new double[12][];
            table[month - 1] = [.. columns.Select(c => Real(statsPath, row, c))];
        }
        var sites = new List<ClimatologySite>(siteRows.Count);
        foreach (var row in siteRows)
        {
            int id = Int(sitesPath, row, "site_id");
            if (!months.TryGetValue(id, out var table) || table.Any(m => m is null))
                throw new InvalidDataException(
                    $"{sitesPath}: line {row.Line}: site {id} does not have twelve months in {statsPath}."
                );
            sites.Add(
                new ClimatologySite(
                    id,
                    row["name"],
                    Real(sitesPath, row, "latitude"),
                    Real(sitesPath, row, "longitude"),
                    Real(sitesPath, row, "altitude"),
                    table
                )
            );
        }
        return sites;
    }

    private static int Int(string path, CsvRow row, string column) =>
        int.TryParse(row[column], CultureInfo.InvariantCulture, out int v)
            ? v
            : throw new InvalidDataException($"{path}: line {row.Line}: {column} '{row[column]}' is not an integer.");

    private static double Real(string path, CsvRow row, string column) =>
        double.TryParse(row[column], NumberStyles.Float, CultureInfo.InvariantCulture, out double v)
        && double.IsFinite(v)
            ? v
            : throw new InvalidDataException($"{path}: line {row.Line}: {column} '{row[column]}' is not a number.");
}
