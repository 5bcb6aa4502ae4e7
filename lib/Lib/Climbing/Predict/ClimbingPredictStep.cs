using Lib.Climbing.Model;

namespace Lib.Climbing.Predict;

/// <summary>
/// The predict step, the one orchestration <c>lab climbing predict</c> and <c>notebooks/climbing/05-predict.dib</c>
/// call:
/// grades with the model folder alone (<see cref="GradePredictor"/>), either the routes of a file (MoonBoard problems
/// or
/// Kilter climbs) or a route typed as holds, and writes the predictions to a CSV when asked
/// (<see cref="GradedRoutes"/>).
/// </summary>
public static class ClimbingPredictStep
{
    /// <summary>Grades the routes of <paramref name="inputFile"/> (MoonBoard problems or Kilter climbs) with
    /// <paramref name="modelFolder"/>; writes them to <paramref name="csvPath"/> when given.</summary>
    /// <param name="modelFolder">The model folder.</param>
    /// <param name="inputFile">The routes to grade.</param>
    /// <param name="csvPath">Where to write the predictions, or null.</param>
    /// <param name="prepare">Runs on the model once loaded (e.g. to run it on a TorchSharp device).</param>
    public static GradedRoutes Run(
        string modelFolder,
        string inputFile,
        string? csvPath = null,
        Action<GradeModel>? prepare = null
    )
    {
        var predictor = Load(modelFolder, prepare);
        var input = predictor.Read(inputFile);
        return Write(new GradedRoutes(input.Format, predictor.Predict(input.Routes), input.Rejected), csvPath);
    }

    /// <summary>Grades a route typed as holds (<c>E6:start C5:start F11 K18:end</c>) on <paramref name="board"/> at
    /// <paramref name="angle"/>°; writes it to <paramref name="csvPath"/> when given.</summary>
    /// <param name="modelFolder">The model folder.</param>
    /// <param name="holds">The holds, as typed.</param>
    /// <param name="board">The board.</param>
    /// <param name="angle">The wall angle in degrees.</param>
    /// <param name="csvPath">Where to write the prediction, or null.</param>
    /// <param name="prepare">Runs on the model once loaded (e.g. to run it on a TorchSharp device).</param>
    public static GradedRoutes Run(
        string modelFolder,
        string holds,
        string board,
        int angle,
        string? csvPath = null,
        Action<GradeModel>? prepare = null
    )
    {
        var predictor = Load(modelFolder, prepare);
        return Write(
            new GradedRoutes("typed holds", predictor.Predict([predictor.ParseHolds(holds, board, angle)]), []),
            csvPath
        );
    }

    private static GradePredictor Load(string modelFolder, Action<GradeModel>? prepare)
    {
        var predictor = GradePredictor.Load(modelFolder);
        prepare?.Invoke(predictor.Model);
        return predictor;
    }

    private static GradedRoutes Write(GradedRoutes graded, string? csvPath)
    {
        if (csvPath is not null)
            GradePredictor.WriteCsv(graded.Predictions, csvPath);
        return graded;
    }
}
