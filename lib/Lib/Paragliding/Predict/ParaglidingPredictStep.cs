using System.Globalization;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Ingest;
using Lib.Paragliding.Model;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Paragliding.Predict;

/// <summary>What the predict step gives: the odds, the rows refused (with why) and the file written.</summary>
public sealed record PredictedOdds(
    IReadOnlyList<SiteDayOdds> Odds,
    IReadOnlyList<RejectedRecord> Rejected,
    string? Path
);

/// <summary>
/// The predict step (<c>lab paragliding predict --model DIR --pairs pairs.csv --out probs.csv</c>,
/// <c>06-predict.dib</c>): loads the model folder, scores each (site, date) with the calibrated, monotone odds and
/// writes <c>site_id,date,p_20,…,p_100</c> atomically. A pair whose site the model does not know (or, for a model
/// that reads weather, whose weather the table lacks) is refused with its reason; the others are still written.
/// </summary>
public static class ParaglidingPredictStep
{
    /// <summary>Scores the pairs of <paramref name="pairsPath"/>, writing <paramref name="outPath"/> when
    /// given.</summary>
    /// <param name="modelFolder">The model folder.</param>
    /// <param name="pairsPath">site_id,date per line.</param>
    /// <param name="outPath">The CSV to write, or null.</param>
    /// <param name="weatherPath">The weather table, for a model that reads weather.</param>
    /// <param name="prepare">Runs on the model once it is loaded (e.g. to run it on a TorchSharp device).</param>
    public static PredictedOdds Run(
        string modelFolder,
        string pairsPath,
        string? outPath,
        string? weatherPath = null,
        Action<GlideatorModel>? prepare = null
    )
    {
        var model = GlideatorModel.Load(modelFolder);
        prepare?.Invoke(model);
        var pairs = SiteDayPairs.Read(pairsPath);
        var weather = weatherPath is null ? null : WeatherTable.Read(weatherPath);
        return Run(model, pairs.Rows, outPath, weather, pairs.Rejected, Path.GetFileName(pairsPath));
    }

    /// <summary>
    /// Scores every launch the model knows inside the grid of <paramref name="gribFiles"/>, on each valid date of
    /// their messages (<see cref="GribSiteDays"/>), writing <paramref name="outPath"/> when given. Only the schema's
    /// fields are unpacked (the whole file when it has none); a model trained without weather reads no weather, and the
    /// coverage's notes say so. <paramref name="prepare"/> sees the loaded model first (e.g. to run it on a twin).
    /// </summary>
    public static (PredictedOdds Odds, GribSiteDays Coverage) RunGrib(
        string modelFolder,
        IReadOnlyList<string> gribFiles,
        string schemaJson,
        string? outPath,
        GribSampling sampling = GribSampling.Nearest,
        Action<GlideatorModel>? prepare = null
    )
    {
        ArgumentNullException.ThrowIfNull(gribFiles);
        var model = GlideatorModel.Load(modelFolder);
        prepare?.Invoke(model);
        var schema = GlideatorSchema.Read(schemaJson);
        // only the schema's fields are unpacked; a file with none of them is read whole for its grid and date
        var files = gribFiles
            .Select(f => Grib2Reader.Read(f, schema.Holds) is { Messages.Count: > 0 } g ? g : Grib2Reader.Read(f))
            .ToList();
        var coverage = GribSiteDays.Of(model, files, schema, sampling);
        var odds = Run(model, coverage.Pairs, outPath, coverage.Weather, coverage.Rejected, "grib");
        return (odds, coverage);
    }

    /// <summary>Scores <paramref name="pairs"/> with a loaded model.</summary>
    public static PredictedOdds Run(
        GlideatorModel model,
        IReadOnlyList<(string SiteId, DateOnly Date)> pairs,
        string? outPath = null,
        WeatherTable? weather = null,
        IReadOnlyList<RejectedRecord>? rejectedAlready = null,
        string source = "pairs"
    )
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(pairs);
        var rejected = new List<RejectedRecord>(rejectedAlready ?? []);
        var samples = new List<SiteDay>();
        for (int i = 0; i < pairs.Count; i++)
        {
            var (site, date) = pairs[i];
            try
            {
                float[]? w = null;
                if (model.ReadsWeather)
                {
                    if (weather is null)
                        throw new ArgumentException("the model reads weather: pass a weather table (--weather FILE)");
                    w = weather.Find(site, date)
                        ?? throw new ArgumentException($"the weather table has no {site} {date:yyyy-MM-dd}");
                    if (!weather.Variables.SequenceEqual(model.Card.Inputs.WeatherVariables))
                        throw new ArgumentException(
                            $"the weather table's variables [{string.Join(", ", weather.Variables)}] are not the "
                                + $"model's [{string.Join(", ", model.Card.Inputs.WeatherVariables)}]"
                        );
                }
                samples.Add(model.Encode(site, date, w));
            }
            catch (Exception e) when (e is KeyNotFoundException or ArgumentException)
            {
                rejected.Add(new RejectedRecord(source, $"pair {i + 1}", e.Message, $"{site},{date:yyyy-MM-dd}"));
            }
        }
        var probabilities = samples.Count == 0 ? [] : model.Predict(samples);
        var odds = samples.Select((s, i) => new SiteDayOdds(s.SiteId, s.Date, probabilities[i])).ToList();
        if (outPath is not null)
            Write(odds, outPath);
        return new PredictedOdds(odds, rejected, outPath);
    }

    /// <summary>Writes <c>site_id,date,p_20,…,p_100</c> atomically.</summary>
    public static void Write(IReadOnlyList<SiteDayOdds> odds, string path) =>
        CsvFile.Write(
            path,
            ["site_id", "date", .. Enumerable.Range(0, DistanceThresholds.Count).Select(DistanceThresholds.Column)],
            odds.Select(o =>
                (IReadOnlyList<string?>)
                    [
                        o.SiteId,
                        o.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                        .. o.Probabilities.Select(p => p.ToString("0.######", CultureInfo.InvariantCulture)),
                    ]
            )
        );
}
