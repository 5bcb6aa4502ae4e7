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
    public static GradedRoutes Run(string modelFolder, string inputFile, string? csvPath = null)
    {
        var predictor = GradePredictor.Load(modelFolder);
        var input = predictor.Read(inputFile);
        return Write(new GradedRoutes(input.Format, predictor.Predict(input.Routes), input.Rejected), csvPath);
    }

    /// <summary>Grades a route typed as holds (<c>E6:start C5:start F11 K18:end</c>) on <paramref name="board"/> at
    /// <paramref name="angle"/>°; writes it to <paramref name="csvPath"/> when given.</summary>
    public static GradedRoutes Run(string modelFolder, string holds, string board, int angle, string? csvPath = null)
    {
        var predictor = GradePredictor.Load(modelFolder);
        return Write(
            new GradedRoutes("typed holds", predictor.Predict([predictor.ParseHolds(holds, board, angle)]), []),
            csvPath
        );
    }

    private static GradedRoutes Write(GradedRoutes graded, string? csvPath)
    {
        if (csvPath is not null)
            GradePredictor.WriteCsv(graded.Predictions, csvPath);
        return graded;
    }
}
