using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Tracking;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// The evaluate step, the one orchestration <c>lab climbing evaluate</c> (and <c>lab climbing train</c>, after
/// training) and
/// <c>notebooks/climbing/04-evaluate.dib</c> call: the saved model folder against both baselines on a split of the data
/// it
/// was trained on (<see cref="SplitEvaluation"/>), its metrics and predictions written beside the model and the run
/// recorded (<see cref="TrainingRunLog"/>).
/// </summary>
public static class ClimbingEvaluateStep
{
    /// <summary>
    /// Loads <paramref name="modelFolder"/> and evaluates it and both baselines (fitted on the training split) on
    /// <paramref name="split"/> of <paramref name="data"/>, the data it was trained on; writes <c>predictions.csv</c>,
    /// <c>metrics.json</c> and <c>metrics.csv</c> into the folder and, given <paramref name="runsRoot"/>, records the
    /// run there.
    /// </summary>
    /// <exception cref="InvalidOperationException">The model was trained on other data (its card's fingerprint
    /// differs).</exception>
    public static ModelEvaluation Run(
        ClimbingData data,
        string modelFolder,
        string? runsRoot = null,
        SplitName split = SplitName.Test
    )
    {
        ArgumentNullException.ThrowIfNull(data);
        var model = GradeModel.Load(modelFolder);
        if (model.Card.DataFingerprint != data.Fingerprint)
            throw new InvalidOperationException(
                $"{modelFolder} was trained on other data (fingerprint {model.Card.DataFingerprint[..12]}, this "
                    + $"data {data.Fingerprint[..12]}): "
                    + "evaluate it on the data and token options it was trained with, or train it again."
            );
        var evaluation = SplitEvaluation.Run(data, model, split);
        SplitEvaluation.Write(evaluation, modelFolder);
        var run = runsRoot is null ? null : TrainingRunLog.Log(new TrackingStore(runsRoot), model, evaluation);
        return new ModelEvaluation(model, evaluation, run);
    }
}
