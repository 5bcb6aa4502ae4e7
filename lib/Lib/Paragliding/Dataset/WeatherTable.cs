using Lib.Storage;
using Lib.Workflow;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// Optional weather per site × day × {09, 12, 15} h, the model's <c>--weather FILE</c> input: a long CSV
/// <c>site_id,date,hour,variable,value</c> (one row per value; <c>date</c> ISO, <c>hour</c> 9, 12 or 15 UTC,
/// <c>variable</c> a name such as Glideator's <c>u_wind_500hpa_ms</c>). A site-day is usable only with every variable
/// at every hour; an incomplete one is listed in <see cref="Rejected"/>, and a malformed row is an error naming its
/// line.
/// </summary>
public sealed class WeatherTable
{
    /// <summary>The three forecast hours (UTC valid times, as <c>GribWeatherTable</c> writes them), in slice
    /// order.</summary>
    public static IReadOnlyList<int> Hours { get; } = [9, 12, 15];

    private readonly Dictionary<(string, DateOnly), float[]> _values;

    private WeatherTable(
        IReadOnlyList<string> variables,
        Dictionary<(string, DateOnly), float[]> values,
        IReadOnlyList<RejectedRecord> rejected
    )
    {
        Variables = variables;
        _values = values;
        Rejected = rejected;
    }

    /// <summary>The variables, sorted by name (W).</summary>
    public IReadOnlyList<string> Variables { get; }

    /// <summary>Site-days left out because a value was missing.</summary>
    public IReadOnlyList<RejectedRecord> Rejected { get; }

    /// <summary>The complete site-days.</summary>
    public int Count => _values.Count;

    /// <summary>The [3 × W] values of a site-day (hour-major), or null when the table lacks it.</summary>
    public float[]? Find(string siteId, DateOnly date) => _values.GetValueOrDefault((siteId, date));

    /// <summary>A table from values already in memory (hour-major [3 × W] arrays).</summary>
    public static WeatherTable FromValues(
        IReadOnlyList<string> variables,
        IEnumerable<(string SiteId, DateOnly Date, float[] Values)> rows
    )
    {
        var values = new Dictionary<(string, DateOnly), float[]>();
        foreach (var (site, date, v) in rows)
        {
            if (v.Length != Hours.Count * variables.Count)
                throw new ArgumentException(
                    $"{site} {date}: {v.Length} values, expected {Hours.Count * variables.Count}."
                );
            values[(site, date)] = v;
        }
        return new WeatherTable(variables, values, []);
    }

    /// <summary>Reads the long CSV at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">A column is missing, or a row's date, hour or value does not read, or
    /// repeats a value (file and line named).</exception>
    public static WeatherTable Read(string path)
    {
        var rows = CsvFile.ReadTable(path, "site_id", "date", "hour", "variable", "value");
        var variables = rows.Select(r => r["variable"])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var column = variables.Select((v, i) => (v, i)).ToDictionary(p => p.v, p => p.i, StringComparer.Ordinal);
        int w = variables.Count;
        var values = new Dictionary<(string, DateOnly), float[]>();
        var seen = new Dictionary<(string, DateOnly), bool[]>();
        foreach (var row in rows)
        {
            var date = row.Date(path, "date");
            int slot = row.TryInt("hour", out int hour) ? Hours.ToList().IndexOf(hour) : -1;
            if (slot < 0)
                throw new InvalidDataException($"{row.Where(path, "hour")} '{row["hour"]}', expected 9, 12 or 15.");
            float value = (float)row.Number(path, "value");
            var key = (row["site_id"], date);
            if (!values.TryGetValue(key, out var v))
            {
                values[key] = v = new float[Hours.Count * w];
                seen[key] = new bool[Hours.Count * w];
            }
            int index = slot * w + column[row["variable"]];
            if (seen[key][index])
                throw new InvalidDataException(
                    $"{path}: line {row.Line}: {row["variable"]} at {hour} h for {row["site_id"]} {row["date"]} "
                        + "is given twice."
                );
            seen[key][index] = true;
            v[index] = value;
        }
        var rejected = new List<RejectedRecord>();
        foreach (var (key, flags) in seen)
            if (flags.Contains(false))
            {
                int missing = flags.Count(f => !f);
                rejected.Add(
                    new RejectedRecord(
                        Path.GetFileName(path),
                        $"{key.Item1} {key.Item2:yyyy-MM-dd}",
                        $"{missing} of {flags.Length} hour × variable values missing"
                    )
                );
                values.Remove(key);
            }
        return new WeatherTable(variables, values, rejected);
    }
}
