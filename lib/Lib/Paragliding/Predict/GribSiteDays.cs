using System.Globalization;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Model;
using Lib.Workflow;

namespace Lib.Paragliding.Predict;

/// <summary>
/// The site-days a GRIB2 forecast covers, for <c>lab paragliding predict --grib FILE</c>: every launch the model
/// knows that lies inside a file's grid, on every valid date (UTC) of the files' messages. For a model trained with
/// weather, each site-day's inputs are the model's variables at 9, 12 and 15 h UTC taken from the files (nearest grid
/// point unless bilinear); a site-day the files cannot fill is refused with what is missing. For a model trained
/// without weather the files give only the launches and the dates, and <see cref="Notes"/> says so: the odds are then
/// the model's site-and-season odds, not a weather forecast.
/// </summary>
public sealed record GribSiteDays(
    IReadOnlyList<(string SiteId, DateOnly Date)> Pairs,
    WeatherTable? Weather,
    IReadOnlyList<DateOnly> Dates,
    int SitesInside,
    int SitesKnown,
    IReadOnlyList<string> Notes,
    IReadOnlyList<RejectedRecord> Rejected
)
{
    /// <summary>The site-days of <paramref name="files"/> for <paramref name="model"/>.</summary>
    public static GribSiteDays Of(
        GlideatorModel model,
        IReadOnlyList<Grib2File> files,
        GlideatorSchema schema,
        GribSampling sampling = GribSampling.Nearest
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(schema);
        var known = model.Card.Inputs.Sites.Where(s => s.HasCoordinates).ToList();
        var grids = files.Where(f => f.Messages.Count > 0).Select(f => f.Messages[0].Grid).ToList();
        var inside = known
            .Where(s => grids.Any(g => g.Contains(s.Latitude!.Value, s.Longitude!.Value)))
            .Select(s => new SitePoint(s.SiteId, s.Latitude!.Value, s.Longitude!.Value))
            .ToList();
        var dates = files
            .SelectMany(f => f.Messages)
            .Select(m => DateOnly.FromDateTime(m.ValidTimeUtc))
            .Distinct()
            .Order()
            .ToList();
        var notes = new List<string>();
        var rejected = new List<RejectedRecord>();
        string names = string.Join(", ", files.Select(f => f.File));
        if (grids.Count == 0)
            notes.Add($"{names}: no decodable message, so no grid and no date.");
        if (!model.ReadsWeather)
        {
            notes.Add(
                "The model was trained without weather (site and date features only): the GRIB file gives the "
                    + "launches inside its grid and its valid date, and its weather values are not read. These are "
                    + "the site's odds for that day of the season, not a weather forecast."
            );
            return new GribSiteDays(
                [.. inside.SelectMany(p => dates.Select(d => (p.SiteId, d)))],
                null,
                dates,
                inside.Count,
                known.Count,
                notes,
                rejected
            );
        }
        var variables = model.Card.Inputs.WeatherVariables;
        var table = GribWeatherTable.Build(files, inside, schema, WeatherTable.Hours, sampling);
        var values = new Dictionary<(string, DateOnly, int, string), double>();
        foreach (var r in table.Rows)
            values[(r.SiteId, r.Date, r.Hour, r.Variable)] = r.Value;
        var complete = new List<(string, DateOnly, float[])>();
        foreach (var p in inside)
        foreach (var date in dates)
        {
            var v = new float[WeatherTable.Hours.Count * variables.Count];
            var missingHours = new SortedSet<int>();
            var missingVariables = new SortedSet<string>(StringComparer.Ordinal);
            for (int h = 0; h < WeatherTable.Hours.Count; h++)
            for (int j = 0; j < variables.Count; j++)
                if (
                    values.TryGetValue((p.SiteId, date, WeatherTable.Hours[h], variables[j]), out double x)
                    && double.IsFinite(x)
                )
                    v[h * variables.Count + j] = (float)x;
                else
                {
                    missingHours.Add(WeatherTable.Hours[h]);
                    missingVariables.Add(variables[j]);
                }
            if (missingHours.Count == 0)
            {
                complete.Add((p.SiteId, date, v));
                continue;
            }
            rejected.Add(
                new RejectedRecord(
                    names,
                    $"{p.SiteId} {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}",
                    $"the model reads {variables.Count} variables at 9, 12 and 15 h UTC; the GRIB file lacks "
                        + $"{missingVariables.Count} of them at {string.Join(", ", missingHours)} h ("
                        + string.Join(", ", missingVariables.Take(5))
                        + (missingVariables.Count > 5 ? ", …)" : ")")
                )
            );
        }
        notes.Add(
            $"The model reads weather: {variables.Count} variables at 9, 12 and 15 h UTC, taken from the GRIB "
                + $"file at each launch ({(sampling == GribSampling.Bilinear ? "bilinear" : "nearest grid point")})."
        );
        return new GribSiteDays(
            [.. complete.Select(c => (c.Item1, c.Item2))],
            WeatherTable.FromValues(variables, complete),
            dates,
            inside.Count,
            known.Count,
            notes,
            rejected
        );
    }
}
