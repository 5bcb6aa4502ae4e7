using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Display;
using Lib.Workflow;

namespace Lib.Climbing.Train;

/// <summary>
/// The train step, the one orchestration <c>lab climbing train</c> and <c>notebooks/climbing/03-train.dib</c> call
/// (<see cref="Run"/>): the grade Transformer trained on the tokenised data (<see cref="GradeModelTrainer"/>) and saved
/// as a
/// model folder (a <see cref="ModelFolder"/>: <c>model.safetensors</c> + <c>model.json</c>). <c>04-evaluate.dib</c> and
/// <c>05-predict.dib</c> call <see cref="LoadOrRun"/>, which trains only when the folder holds no model.
/// </summary>
public static class ClimbingTrainStep
{
    /// <summary>Trains the grade Transformer on <paramref name="data"/> and saves it as
    /// <paramref name="modelFolder"/>.</summary>
    public static GradeModelTrainer.Result Run(
        ClimbingData data,
        TrainOptions options,
        string modelFolder,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<GradeTransformer, RouteBatch, TrainOptions>? fit = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        var result = GradeModelTrainer.Train(data, options, progress, cancellationToken, fit);
        result.Model.Save(modelFolder);
        return result;
    }

    /// <summary>
    /// The model saved in <paramref name="modelFolder"/>; when the folder holds none (a later notebook run on its own),
    /// trains one there with <paramref name="options"/> first (the notebooks pass <see cref="TrainOptions.Quick"/>), so
    /// the
    /// caller still runs.
    /// </summary>
    public static GradeModel LoadOrRun(
        ClimbingData data,
        TrainOptions options,
        string modelFolder,
        IProgressReporter? progress = null,
        IFitStrategy<GradeTransformer, RouteBatch, TrainOptions>? fit = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        return ModelFolder.Holds(modelFolder)
            ? GradeModel.Load(modelFolder)
            : Run(data, options, modelFolder, progress, fit: fit).Model;
    }
}
