using System.Globalization;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;
using Lib.Paragliding.Evaluate;
using Lib.Paragliding.Train;
using Xunit.Abstractions;

namespace Lib.Tests.Paragliding;

/// <summary>
/// The weather path learns: synthetic weather is planted to drive the real labels (a "thermal" variable that is high
/// on days with a long flight from the site, plus noise), and the model trained with it ranks the test weeks far
/// better than the climatology. Synthetic: real skill needs real weather, which the offline data does not have.
/// </summary>
[Collection("paragliding")]
public sealed class WeatherPathTests(ParaglidingFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void PlantedWeatherIsLearnedWellAboveClimatology()
    {
        var ingest = fixture.Ingest;
        var baseSet = fixture.Data.Set;
        var random = new Random(11);
        double Noise() => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        string[] variables = ["thermal_index", "cloud_cover"];
        var rows = baseSet.Samples.Select(s =>
        {
            var v = new float[3 * variables.Length];
            for (int h = 0; h < 3; h++)
            {
                v[h * 2] = (float)(1.5 * s.Labels[0] + 1.0 * s.Labels[2] + 0.8 * Noise()); // planted signal
                v[h * 2 + 1] = (float)Noise(); // pure noise
            }
            return (s.SiteId, s.Date, v);
        });
        var weather = WeatherTable.FromValues(variables, rows);
        using var dir = new TempDir();
        var data = ParaglidingDatasetStep.Run(ingest, Path.Combine(dir.Path, "shards"), weather);
        Assert.Equal(variables, data.Set.WeatherVariables);
        var folder = Path.Combine(dir.Path, "model");
        var model = ParaglidingTrainStep.Run(data, new ParaglidingTrainOptions { Epochs = 8, Patience = 3 }, folder).Model;
        Assert.Equal(3, model.Card.Config.TimeSlices);
        var evaluation = ParaglidingEvaluation.Run(model, data);
        var subset = evaluation.Metrics[0].Subset;
        double Auc(string predictor, int km) =>
            evaluation.Metrics.Single(m => m.Predictor == predictor && m.Subset == subset && m.ThresholdKm == km).RocAuc;
        foreach (int km in new[] { 20, 40 })
        {
            output.WriteLine(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{km} km: AUC model {Auc(ParaglidingEvaluation.CalibratedName, km):F3}, "
                        + $"site × month climatology {Auc("climatology per site × month", km):F3}"
                )
            );
            Assert.True(Auc(ParaglidingEvaluation.CalibratedName, km) >= Auc("climatology per site × month", km) + 0.15);
        }
        // the weather table's missing days are refused by predict
        var odds = Lib.Paragliding.Predict.ParaglidingPredictStep.Run(model, [("cfd01", new DateOnly(2030, 1, 1))], null, weather);
        Assert.Contains("no cfd01 2030-01-01", odds.Rejected.Single().Reason, StringComparison.Ordinal);
        // a GRIB forecast without the model's variables and hours: every launch inside its grid is refused, and why
        var schema = Lib.Paragliding.Ingest.GlideatorSchema.Read(
            Path.Combine(RepoPaths.Data, "paragliding", "glideator", "schema.json")
        );
        var gefs = Lib.Paragliding.Ingest.Grib2Reader.Read(
            Path.Combine(RepoPaths.Data, "paragliding", "weather", "geavg.t06z.pgrb2a.0p50.f006")
        );
        var coverage = Lib.Paragliding.Predict.GribSiteDays.Of(model, [gefs], schema);
        Assert.Empty(coverage.Pairs);
        Assert.Equal(84, coverage.Rejected.Count);
        Assert.Contains("lacks 2 of them at 9, 12, 15 h (cloud_cover, thermal_index)", coverage.Rejected[0].Reason);
        Assert.Contains(coverage.Notes, n => n.Contains("The model reads weather", StringComparison.Ordinal));
    }

    [Fact]
    public void AWeatherFileIsReadLongAndIncompleteSiteDaysAreListed()
    {
        using var dir = new TempDir();
        var lines = new List<string> { "site_id,date,hour,variable,value" };
        foreach (int h in new[] { 9, 12, 15 })
            lines.Add($"cfd01,2017-05-01,{h},t2m,{280 + h}");
        lines.Add("cfd02,2017-05-01,9,t2m,281");
        var table = WeatherTable.Read(dir.File("w.csv", string.Join('\n', lines) + "\n"));
        Assert.Equal(["t2m"], table.Variables);
        Assert.Equal([289f, 292f, 295f], table.Find("cfd01", new DateOnly(2017, 5, 1))!);
        Assert.Null(table.Find("cfd02", new DateOnly(2017, 5, 1)));
        Assert.Contains("2 of 3", table.Rejected.Single().Reason, StringComparison.Ordinal);
        var bad = dir.File("b.csv", "site_id,date,hour,variable,value\ncfd01,2017-05-01,10,t2m,1\n");
        var e = Assert.Throws<InvalidDataException>(() => WeatherTable.Read(bad));
        Assert.Contains("line 2: hour '10'", e.Message, StringComparison.Ordinal);
    }
}
