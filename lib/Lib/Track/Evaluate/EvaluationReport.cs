using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lib.Storage;
using Lib.Track.Domain;
using Microsoft.Data.Analysis;

namespace Lib.Track.Evaluate;

/// <summary>
/// The evaluation of every gender's model: tables (predictor × pooled percent error and MAE per event family; MAE per
/// event) and a JSON document for scripts (<c>lab track evaluate --json</c>).
/// </summary>
public sealed record EvaluationReport(IReadOnlyList<GenderEvaluation> Genders)
{
    /// <summary>True when every gender's model beats every baseline on the pooled percent error.</summary>
    public bool ModelBeatsEveryBaseline => Genders.All(g => g.BeatsEveryBaseline);

    /// <summary>One row per gender and predictor: windows, pooled percent error, MAE per event family (in the family's
    /// units).</summary>
    public DataFrame Summary()
    {
        var families = Genders
            .SelectMany(g => g.Model.MaeByFamily.Keys)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        var rows = Genders.SelectMany(g => g.Scores.Select(s => (Gender: g, Score: s))).ToList();
        var columns = new List<(string Name, Type Type, IReadOnlyList<object?> Values)>
        {
            ("gender", typeof(string), [.. rows.Select(r => (object?)r.Gender.Who)]),
            ("predictor", typeof(string), [.. rows.Select(r => (object?)r.Score.Predictor)]),
            ("windows", typeof(int), [.. rows.Select(r => (object?)r.Gender.Forecasts.Count)]),
            ("error %", typeof(double), [.. rows.Select(r => (object?)Math.Round(r.Score.PercentError, 3))]),
        };
        foreach (var family in families)
            columns.Add(
                (
                    $"MAE {family}",
                    typeof(double),
                    [
                        .. rows.Select(r =>
                            (object?)(r.Score.MaeByFamily.TryGetValue(family, out var v) ? Math.Round(v, 3) : null)
                        ),
                    ]
                )
            );
        return DataFrames.From(columns);
    }

    /// <summary>One row per gender and event: windows, the MAE (event units) of the model and of each
    /// baseline.</summary>
    public DataFrame ByEvent()
    {
        var rows = Genders.SelectMany(g => g.Model.MaeByEvent.Keys.Select(e => (Gender: g, Event: e))).ToList();
        var columns = new List<(string Name, Type Type, IReadOnlyList<object?> Values)>
        {
            ("gender", typeof(string), [.. rows.Select(r => (object?)r.Gender.Who)]),
            ("event", typeof(string), [.. rows.Select(r => (object?)r.Event)]),
            (
                "windows",
                typeof(int),
                [.. rows.Select(r => (object?)r.Gender.Forecasts.Count(f => f.Window.History.Event.Code == r.Event))]
            ),
        };
        foreach (var predictor in Genders[0].Scores.Select(s => s.Predictor))
            columns.Add(
                (
                    $"MAE {predictor}",
                    typeof(double),
                    [
                        .. rows.Select(r =>
                            (object?)
                                Math.Round(r.Gender.Scores.First(s => s.Predictor == predictor).MaeByEvent[r.Event], 3)
                        ),
                    ]
                )
            );
        return DataFrames.From(columns);
    }

    /// <summary>The report as JSON: per gender the test seasons, windows, training time, whether the model beats every
    /// baseline, and every predictor's scores.</summary>
    public string ToJson()
    {
        var genders = new JsonArray();
        foreach (var g in Genders)
        {
            var scores = new JsonArray();
            foreach (var s in g.Scores)
                scores.Add(
                    new JsonObject
                    {
                        ["predictor"] = s.Predictor,
                        ["percentError"] = Round(s.PercentError),
                        ["maeByFamily"] = Object(s.MaeByFamily),
                        ["maeByEvent"] = Object(s.MaeByEvent),
                        ["percentByEvent"] = Object(s.PercentByEvent),
                        ["percentByFamily"] = Object(s.PercentByFamily),
                    }
                );
            genders.Add(
                new JsonObject
                {
                    ["gender"] = g.Gender.Code(),
                    ["testSeasons"] = new JsonArray([.. g.TestSeasons.Select(t => (JsonNode?)t)]),
                    ["windows"] = g.Forecasts.Count,
                    ["dropped"] = g.Dropped,
                    ["sameData"] = g.SameData,
                    ["beatsEveryBaseline"] = g.BeatsEveryBaseline,
                    ["trainingSeconds"] = Round(g.Card.Training.Seconds),
                    ["trainWindows"] = g.Card.Training.TrainSamples,
                    ["validationWindows"] = g.Card.Training.ValidationSamples,
                    ["bestEpoch"] = g.Card.Training.BestEpoch,
                    ["epochs"] = g.Card.Training.Epochs,
                    ["scores"] = scores,
                }
            );
        }
        return new JsonObject { ["beatsEveryBaseline"] = ModelBeatsEveryBaseline, ["genders"] = genders }.ToJsonString(
            new JsonSerializerOptions { WriteIndented = true }
        );
    }

    /// <summary>A plain-text version of <see cref="Summary"/> with one line per gender saying whether the model beats
    /// every baseline.</summary>
    public override string ToString() =>
        Summary()
        + "\n"
        + string.Join(
            "\n",
            Genders.Select(g =>
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"{g.Who}: model {g.Model.PercentError:0.000}% vs best baseline "
                        + $"{g.Scores.Skip(1).Min(s => s.PercentError):0.000}%: "
                        + $"{(g.BeatsEveryBaseline ? "beats every baseline" : "does NOT beat every baseline")}"
                )
            )
        );

    private static double Round(double value) => Math.Round(value, 4);

    private static JsonObject Object(IReadOnlyDictionary<string, double> values)
    {
        var o = new JsonObject();
        foreach (var (k, v) in values)
            o[k] = Round(v);
        return o;
    }
}
