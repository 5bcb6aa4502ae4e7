using System.Globalization;
using System.Text;
using Lib.Climbing.Domain;
using Lib.Climbing.Ingest;
using Lib.Climbing.Model;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Climbing.Predict;

/// <summary>
/// Grades new routes with a saved model folder and nothing else (the folder carries the vocabulary, the
/// boards' hold coordinates and the grade table). Routes come as MoonBoard problem JSON or Kilter climbs
/// (a <c>/sync</c> climbs page or an array of climbs: the same formats as the ingest), as a typed list of
/// holds (<c>E6:start C5:start F11 K18:end</c>), or as <see cref="Route"/>s. A board the model was not
/// trained on, or a hold that board does not have, is an error that says so.
/// </summary>
public sealed class GradePredictor
{
    /// <summary>A predictor of <paramref name="model"/>.</summary>
    public GradePredictor(GradeModel model) => Model = model ?? throw new ArgumentNullException(nameof(model));

    /// <summary>The model.</summary>
    public GradeModel Model { get; }

    /// <summary>Loads a model folder (<c>lab climbing train --out</c>).</summary>
    public static GradePredictor Load(string modelFolder) => new(GradeModel.Load(modelFolder));

    /// <summary>Grades one route.</summary>
    /// <exception cref="KeyNotFoundException">The model does not know the route's board or one of its
    /// holds.</exception>
    public RoutePrediction Predict(Route route) => Predict([route])[0];

    /// <summary>Grades routes, in order.</summary>
    /// <exception cref="KeyNotFoundException">The model does not know a route's board or one of its holds.</exception>
    public IReadOnlyList<RoutePrediction> Predict(IReadOnlyList<Route> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);
        var predicted = Model.Predict(routes);
        return [.. routes.Select((r, i) => Prediction(r, predicted[i]))];
    }

    /// <summary>
    /// A route typed as holds: names separated by spaces or commas, each optionally <c>:role</c> (start,
    /// middle/hand, finish/end, foot; middle when left out), on a board named by key or alias (<c>2016</c>,
    /// <c>MOON2016</c>, <c>kilter</c>) at <paramref name="angle"/> degrees.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The model does not know the board or a hold.</exception>
    /// <exception cref="ArgumentException">A role is not one of the names above, a hold is given twice, or there are no
    /// holds.</exception>
    public Route ParseHolds(string holds, string board, int angle, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(holds);
        ArgumentNullException.ThrowIfNull(board);
        var b = Model.Boards.Get(board);
        var parsed = new List<RouteHold>();
        foreach (
            var item in holds.Split(
                [' ', ',', ';', '\t', '\n'],
                StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
            )
        )
        {
            var colon = item.IndexOf(':');
            var holdName = colon < 0 ? item : item[..colon];
            var role = HoldRole.Middle;
            if (colon >= 0 && !HoldRoles.TryParse(item[(colon + 1)..], out role))
                throw new ArgumentException(
                    $"'{item}': role '{item[(colon + 1)..]}' is not start, middle (hand), finish (end) or foot."
                );
            var hold = b.Find(holdName)
                ?? b.Holds.SingleOrDefault(h => string.Equals(h.Name, holdName, StringComparison.OrdinalIgnoreCase))
                ?? b.Hold(holdName);
            if (parsed.Any(p => p.Hold == hold.Name))
                throw new ArgumentException($"Hold {hold.Name} is given twice.");
            parsed.Add(new RouteHold(hold.Name, hold.X, hold.Y, role));
        }
        if (parsed.Count == 0)
            throw new ArgumentException("No holds given; type them like 'E6:start C5:start F11 K18:end'.");
        var text = RouteTable.HoldsText(parsed);
        return new Route
        {
            Board = b.Key,
            Family = b.Family,
            Layout = b.Layout,
            Angle = angle,
            RouteId = "typed",
            Name = name ?? text,
            Holds = parsed,
            Source = "typed",
            Record = "typed holds",
        };
    }

    /// <summary>
    /// Reads the routes of an input file: MoonBoard problems (an array of objects with <c>moves</c>) or Kilter
    /// climbs (a <c>/sync</c> page with <c>climbs</c>, or an array of climbs with <c>frames</c>). Records that cannot
    /// be used, or are on a board or hold the model does not know, are refused with their reason
    /// (<see cref="RouteFiles.Read"/>).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is neither format.</exception>
    public RouteInput Read(string path)
    {
        var (format, routes, rejected) = RouteFiles.Read(Model, path);
        return new RouteInput(format, routes, rejected);
    }

    /// <summary>Writes predictions as CSV: route_id, name, board, angle, predicted_difficulty, predicted_v_grade,
    /// predicted_grade, difficulty, holds (atomically).</summary>
    public static void WriteCsv(IReadOnlyList<RoutePrediction> predictions, string path)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        CsvFile.Write(
            path,
            [
                "route_id",
                "name",
                "board",
                "angle",
                "predicted_difficulty",
                "predicted_v_grade",
                "predicted_grade",
                "difficulty",
                "holds",
            ],
            predictions.Select(p =>
                (IReadOnlyList<string?>)
                    [
                        p.RouteId,
                        p.Name,
                        p.Board,
                        p.Angle.ToString(CultureInfo.InvariantCulture),
                        p.PredictedDifficulty.ToString("0.###", CultureInfo.InvariantCulture),
                        p.PredictedVGrade,
                        p.PredictedGrade,
                        p.Difficulty?.ToString("0.###", CultureInfo.InvariantCulture),
                        p.Holds,
                    ]
            )
        );
    }

    private RoutePrediction Prediction(Route route, double difficulty)
    {
        var grade = Model.Grades.Nearest(difficulty);
        return new RoutePrediction(
            route.RouteId,
            route.Name,
            route.Board,
            route.Angle,
            difficulty,
            $"V{grade.V}",
            grade.Name,
            route.Difficulty,
            RouteTable.HoldsText(route.Holds)
        );
    }
}
