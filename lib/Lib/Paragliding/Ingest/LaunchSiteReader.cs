using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// Reads the federated site list (<c>pge_launches_fr.csv</c>, or the full shared <c>pge_federated_sites.csv</c>):
/// the launches (landings are skipped, not rejected) with coordinates, altitude and wind-sector suitability. A launch
/// whose coordinates or wind values do not read is rejected with its line and why.
/// </summary>
public static class LaunchSiteReader
{
    /// <summary>The launches of <paramref name="path"/>, and the rows left out.</summary>
    public static IngestResult<LaunchSite> Read(string path)
    {
        var source = Path.GetFileName(path);
        string[] wind = [.. WindSectors.Names.Select(n => "wind_" + n)];
        var rows = CsvFile.ReadTable(
            path,
            ["ref", "name", "longitude", "latitude", "altitude", "country", "site_type", .. wind]
        );
        var launches = new List<LaunchSite>();
        var rejected = new List<RejectedRecord>();
        foreach (var row in rows)
        {
            if (row["site_type"] != "launch")
                continue;
            string text = $"{row["ref"]},{row["name"]},{row["latitude"]},{row["longitude"]}";
            if (
                !Number(row["latitude"], out double lat)
                || !Number(row["longitude"], out double lon)
                || Math.Abs(lat) > 90
                || Math.Abs(lon) > 180
            )
            {
                rejected.Add(RejectedRecord.AtLine(source, row.Line, "latitude/longitude not in range", text));
                continue;
            }
            double altitude = Number(row["altitude"], out double a) ? a : double.NaN;
            var sectors = new int[wind.Length];
            bool ok = true;
            for (int i = 0; i < wind.Length; i++)
                ok &=
                    int.TryParse(row[wind[i]], CultureInfo.InvariantCulture, out sectors[i])
                    && sectors[i] is >= 0 and <= 2;
            if (!ok)
            {
                rejected.Add(RejectedRecord.AtLine(source, row.Line, "a wind_* field is not 0, 1 or 2", text));
                continue;
            }
            launches.Add(new LaunchSite(row["ref"], row["name"], lat, lon, altitude, row["country"], sectors));
        }
        return new IngestResult<LaunchSite>(launches, rejected);
    }

    private static bool Number(string text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
