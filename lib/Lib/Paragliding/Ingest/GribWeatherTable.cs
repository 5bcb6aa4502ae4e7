using System.Globalization;
using Lib.Paragliding.Domain;
using Lib.Storage;

namespace Lib.Paragliding.Ingest;

/// <summary>
/// The weather table per site × day × hour that the model reads (<c>--weather FILE</c>): CSV
/// <c>site_id,date,hour,variable,value</c> (date ISO <c>2020-03-14</c>, hour 0–23 UTC, variable a Glideator schema
/// name, value round-trip). Built from GRIB2 files (one or several valid times each) at the hours asked for (by
/// default 9, 12 and 15, Glideator's), nearest grid point unless bilinear is asked for. <see cref="Features"/> turns it
/// into Glideator's inputs: per (site, day) one vector of schema-many values per hour, NaN where the table has none.
/// </summary>
public sealed class GribWeatherTable
{
    /// <summary>Glideator's hours (UTC valid times).</summary>
    public static readonly IReadOnlyList<int> GlideatorHours = [9, 12, 15];

    /// <summary>The CSV columns.</summary>
    public static readonly IReadOnlyList<string> Columns = ["site_id", "date", "hour", "variable", "value"];

    /// <summary>The rows, in site, date, hour, schema order.</summary>
    public IReadOnlyList<WeatherTableRow> Rows { get; }

    /// <summary>A table of <paramref name="rows"/>.</summary>
    public GribWeatherTable(IEnumerable<WeatherTableRow> rows) => Rows = [.. rows];

    /// <summary>The table of GRIB2 files at points, for the schema's variables at <paramref name="hours"/>.</summary>
    public static GribWeatherTable Build(
        IEnumerable<Grib2File> files,
        IReadOnlyList<SitePoint> points,
        GlideatorSchema schema,
        IReadOnlyList<int>? hours = null,
        GribSampling sampling = GribSampling.Nearest
    )
    {
        ArgumentNullException.ThrowIfNull(files);
        var wanted = (hours ?? GlideatorHours).ToHashSet();
        var rows = new Dictionary<(string, DateOnly, int, string), WeatherTableRow>();
        foreach (var file in files)
        {
            var profiles = WeatherProfiles.Extract(file, points, schema, sampling);
            foreach (var r in profiles.Rows)
            {
                if (!wanted.Contains(r.ValidTimeUtc.Hour) || r.ValidTimeUtc.Minute != 0)
                    continue;
                var date = DateOnly.FromDateTime(r.ValidTimeUtc);
                rows.TryAdd(
                    (r.SiteId, date, r.ValidTimeUtc.Hour, r.Variable),
                    new WeatherTableRow(r.SiteId, date, r.ValidTimeUtc.Hour, r.Variable, r.Value)
                );
            }
        }
        var order = schema.Variables.Select((v, i) => (v.Name, i)).ToDictionary(x => x.Name, x => x.i);
        return new GribWeatherTable(
            rows.Values.OrderBy(r => r.SiteId, StringComparer.Ordinal)
                .ThenBy(r => r.Date)
                .ThenBy(r => r.Hour)
                .ThenBy(r => order[r.Variable])
        );
    }

    /// <summary>Writes the CSV atomically.</summary>
    public void Write(string path) =>
        CsvFile.Write(
            path,
            Columns,
            Rows.Select(r =>
                (IReadOnlyList<string>)
                    [
                        r.SiteId,
                        r.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        r.Hour.ToString(CultureInfo.InvariantCulture),
                        r.Variable,
                        r.Value.ToString("R", CultureInfo.InvariantCulture),
                    ]
            )
        );

    /// <summary>Reads a table written by <see cref="Write"/> (or by hand in the same columns).</summary>
    /// <exception cref="InvalidDataException">A missing column, or a field that does not parse, naming the file,
    /// line and field; a variable the schema lacks, when a schema is given; a value given twice.</exception>
    public static GribWeatherTable Read(string path, GlideatorSchema? schema = null)
    {
        var names = schema?.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var rows = new List<WeatherTableRow>();
        var seen = new HashSet<(string, DateOnly, int, string)>();
        foreach (var row in CsvFile.ReadTable(path, [.. Columns]))
        {
            string Where(string field) => row.Where(path, field);
            var date = row.Date(path, "date");
            if (!row.TryInt("hour", out int hour) || hour is < 0 or > 23)
                throw new InvalidDataException($"{Where("hour")} '{row["hour"]}' is not an hour 0–23.");
            double value = row.Number(path, "value");
            var variable = row.Text("variable");
            if (names is not null && !names.Contains(variable))
                throw new InvalidDataException($"{Where("variable")} '{variable}' is not a variable of the schema.");
            var site = row.Required(path, "site_id");
            if (!seen.Add((site, date, hour, variable)))
                throw new InvalidDataException(
                    $"{Where("value")} {site} {row["date"]} {hour} h {variable} is given twice."
                );
            rows.Add(new WeatherTableRow(site, date, hour, variable, value));
        }
        return new GribWeatherTable(rows);
    }

    /// <summary>
    /// Per (site, day): one float vector per hour of <paramref name="hours"/> (default 9, 12, 15), each in schema
    /// position order, NaN where the table has no value (the caller decides how to fill or mask).
    /// </summary>
    public IReadOnlyDictionary<(string SiteId, DateOnly Date), float[][]> Features(
        GlideatorSchema schema,
        IReadOnlyList<int>? hours = null
    )
    {
        ArgumentNullException.ThrowIfNull(schema);
        var hourList = hours ?? GlideatorHours;
        var slot = schema.Variables.Select((v, i) => (v.Name, i)).ToDictionary(x => x.Name, x => x.i);
        var result = new Dictionary<(string, DateOnly), float[][]>();
        foreach (var r in Rows)
        {
            int h = IndexOf(hourList, r.Hour);
            if (h < 0 || !slot.TryGetValue(r.Variable, out int at))
                continue;
            if (!result.TryGetValue((r.SiteId, r.Date), out var vectors))
            {
                vectors = [.. hourList.Select(_ => Enumerable.Repeat(float.NaN, schema.Variables.Count).ToArray())];
                result[(r.SiteId, r.Date)] = vectors;
            }
            vectors[h][at] = (float)r.Value;
        }
        return result;
    }

    private static int IndexOf(IReadOnlyList<int> list, int value)
    {
        for (int i = 0; i < list.Count; i++)
            if (list[i] == value)
                return i;
        return -1;
    }
}
