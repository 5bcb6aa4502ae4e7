using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Reads points to sample weather at: any CSV with <c>site_id, lat, lon</c> columns (<c>points.csv</c>, or
/// <c>takeoff_sites.csv</c>, whose other columns are ignored). A row whose latitude or longitude is empty, not a
/// number or out of range is left out with its line.
/// </summary>
public static class SitePoints
{
    /// <summary>The points of <paramref name="path"/> and the rows left out.</summary>
    /// <exception cref="InvalidDataException">A required column is missing (naming the file).</exception>
    public static IngestResult<SitePoint> Read(string path)
    {
        var rows = CsvFile.ReadTable(path, "site_id", "lat", "lon");
        var points = new List<SitePoint>();
        var rejected = new List<RejectedRecord>();
        var name = Path.GetFileName(path);
        foreach (var row in rows)
        {
            string id = row["site_id"].Trim(),
                lat = row["lat"].Trim(),
                lon = row["lon"].Trim();
            string? why =
                id.Length == 0 ? "no site_id"
                : !Parse(lat, 90, out double la) ? $"lat '{lat}' is not a latitude in degrees (−90 to 90)"
                : !Parse(lon, 360, out double lo) ? $"lon '{lon}' is not a longitude in degrees (−180 to 360)"
                : null;
            if (why is not null)
                rejected.Add(RejectedRecord.AtLine(name, row.Line, why, $"{id},{lat},{lon}"));
            else
                points.Add(new SitePoint(id, double.Parse(lat, CultureInfo.InvariantCulture), Lon(lon)));
        }
        return new IngestResult<SitePoint>(points, rejected);
    }

    private static double Lon(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static bool Parse(string s, double limit, out double value) =>
        double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out value)
        && value >= (limit == 90 ? -90 : -180)
        && value <= limit;
}
