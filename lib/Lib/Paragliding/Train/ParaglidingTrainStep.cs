using Lib.Display;
using Lib.Paragliding.Dataset;
using Lib.Paragliding.Model;
using Lib.Workflow;

namespace Lib.Paragliding.Train;

/// <summary>
/// The train step (<c>lab paragliding train</c>, <c>04-train.dib</c>): trains and calibrates the model
/// (<see cref="GlideatorTrainer"/>, checkpointing the best and last epochs in the folder's <c>checkpoints/</c>, where
/// <c>--resume-from last</c> continues) and saves it as a model folder. <see cref="LoadOrRun"/> loads a saved one,
/// training it first when the folder holds none (<c>05-evaluate.dib</c> and <c>06-predict.dib</c> run alone).
/// </summary>
public static class ParaglidingTrainStep
{
    /// <summary>Trains on <paramref name="data"/> and saves into <paramref name="modelFolder"/>;
    /// <paramref name="fit"/> picks the device (null: the engine); <paramref name="resumeFrom"/> continues from a
    /// checkpoint (<see cref="ResumePoint.Last"/>: the folder's last).</summary>
    /// <exception cref="FileNotFoundException">The checkpoint to resume from is not there.</exception>
    public static GlideatorTrainer.Result Run(
        ParaglidingData data,
        ParaglidingTrainOptions options,
        string modelFolder,
        IProgressReporter? progress = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<GlideatorNet, SiteDayBatch, ParaglidingTrainOptions>? fit = null,
        string? resumeFrom = null
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        var checkpoints = ResumePoint.Folder(modelFolder);
        var resume = ResumePoint.Resolve(resumeFrom, checkpoints);
        var result = GlideatorTrainer.Train(data, options, progress, cancellationToken, fit, checkpoints, resume);
        result.Model.Save(modelFolder);
        return result;
    }

    /// <summary>The model in <paramref name="modelFolder"/>, trained there with <paramref name="options"/> first when
    /// the folder holds none.</summary>
    public static GlideatorModel LoadOrRun(
        ParaglidingData data,
        ParaglidingTrainOptions options,
        string modelFolder,
        IProgressReporter? progress = null
    ) =>
        ModelFolder.Holds(modelFolder)
            ? GlideatorModel.Load(modelFolder)
            : Run(data, options, modelFolder, progress).Model;
}
