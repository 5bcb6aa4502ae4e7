using Lib.Climbing.Cache;
using Lib.Climbing.Dataset;
using Lib.Climbing.Evaluate;
using Lib.Climbing.Ingest;
using Lib.Climbing.Model;
using Lib.Climbing.Predict;
using Lib.Climbing.Train;
using Lib.Display;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Climbing;

/// <summary>
/// The climbing workflow's steps, each written once: <c>lab climbing ingest|train|evaluate|predict</c> and the
/// notebooks call these and only show what they return. Ingest (through the cache) → tokenise → train (saves the model
/// folder) → evaluate (the model folder against both baselines; writes the metrics beside the model and records the
/// run) → predict (with the model folder alone). The work itself is in the rooms (<c>Ingest</c>, <c>Cache</c>,
/// <c>Dataset</c>, <c>Model</c>, <c>Train</c>, <c>Evaluate</c>, <c>Predict</c>); a step chains them.
/// </summary>
public static class ClimbingWorkflow
{
    /// <summary>
    /// Ingests the sources of <paramref name="dataFolder"/> (laid out like <c>data/climbing</c>) through the cache at
    /// <paramref name="cacheRoot"/> (rebuilt only when a source changed, or with <paramref name="force"/>) and reads back
    /// the route table, each file's account and the records left out.
    /// </summary>
    public static CachedRoutes Ingest(string dataFolder, string cacheRoot, bool force = false) =>
        CachedRoutes.Load(new ClimbingCache(cacheRoot).Routes(ClimbingSources.FromFolder(dataFolder), force));

    /// <summary>The cached ingest, then the cached tokens (split and vocabulary by <paramref name="options"/>): what training and evaluation read.</summary>
    public static ClimbingData Tokenise(string dataFolder, string cacheRoot, TokenOptions? options = null, bool force = false)
    {
        var cache = new ClimbingCache(cacheRoot);
        var routes = cache.Routes(ClimbingSources.FromFolder(dataFolder), force);
        return ClimbingData.Load(routes, TokenCache.Run(cache.Cache, routes, options ?? new TokenOptions(), force));
    }

    /// <summary>Trains the grade Transformer on <paramref name="data"/> and saves it as <paramref name="modelFolder"/>.</summary>
    public static GradeModelTrainer.Result Train(ClimbingData data, TrainOptions options, string modelFolder, IProgressReporter? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        var result = GradeModelTrainer.Train(data, options, progress, cancellationToken);
        result.Model.Save(modelFolder);
        return result;
    }

    /// <summary>
    /// When <paramref name="modelFolder"/> holds no model (a later notebook run on its own), trains a quick small one there
    /// (3 epochs, d_model 32, 1 layer) so the caller still runs, and returns true; the train step makes the real one.
    /// </summary>
    public static bool TrainQuickModelIfMissing(string dataFolder, string cacheRoot, string modelFolder)
    {
        if (ModelFolder.Holds(modelFolder)) return false;
        Train(Tokenise(dataFolder, cacheRoot), new TrainOptions { Epochs = 3, DModel = 32, NHead = 2, NumLayers = 1, DimFeedforward = 64 }, modelFolder);
        return true;
    }

    /// <summary>
    /// Loads <paramref name="modelFolder"/> and evaluates it and both baselines (fitted on the training split) on
    /// <paramref name="split"/> of <paramref name="data"/>, the data it was trained on; writes <c>predictions.csv</c>,
    /// <c>metrics.json</c> and <c>metrics.csv</c> into the folder and, given <paramref name="runsRoot"/>, records the run there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was trained on other data (its card's fingerprint differs).</exception>
    public static ModelEvaluation Evaluate(ClimbingData data, string modelFolder, string? runsRoot = null, SplitName split = SplitName.Test)
    {
        ArgumentNullException.ThrowIfNull(data);
        var model = GradeModel.Load(modelFolder);
        if (model.Card.DataFingerprint != data.Fingerprint)
            throw new InvalidOperationException($"{modelFolder} was trained on other data (fingerprint {model.Card.DataFingerprint[..12]}, this data {data.Fingerprint[..12]}): " +
                "evaluate it on the data and token options it was trained with, or train it again.");
        var evaluation = SplitEvaluation.Run(data, model, split);
        SplitEvaluation.Write(evaluation, modelFolder);
        var run = runsRoot is null ? null : TrainingRunLog.Log(new TrackingStore(runsRoot), model, evaluation);
        return new ModelEvaluation(model, evaluation, run);
    }

    /// <summary>Grades the routes of <paramref name="inputFile"/> (MoonBoard problems or Kilter climbs) with <paramref name="modelFolder"/>; writes them to <paramref name="csvPath"/> when given.</summary>
    public static GradedRoutes PredictFile(string modelFolder, string inputFile, string? csvPath = null)
    {
        var predictor = GradePredictor.Load(modelFolder);
        var input = predictor.Read(inputFile);
        return Write(new GradedRoutes(input.Format, predictor.Predict(input.Routes), input.Rejected), csvPath);
    }

    /// <summary>Grades a route typed as holds (<c>E6:start C5:start F11 K18:end</c>) on <paramref name="board"/> at <paramref name="angle"/>°; writes it to <paramref name="csvPath"/> when given.</summary>
    public static GradedRoutes PredictHolds(string modelFolder, string holds, string board, int angle, string? csvPath = null)
    {
        var predictor = GradePredictor.Load(modelFolder);
        return Write(new GradedRoutes("typed holds", predictor.Predict([predictor.ParseHolds(holds, board, angle)]), []), csvPath);
    }

    private static GradedRoutes Write(GradedRoutes graded, string? csvPath)
    {
        if (csvPath is not null) GradePredictor.WriteCsv(graded.Predictions, csvPath);
        return graded;
    }
}
