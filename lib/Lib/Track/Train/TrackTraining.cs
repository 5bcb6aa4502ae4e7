using Lib.Display;
using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Model;
using Lib.Track.Predict;
using Lib.Track.Scrape;
using Lib.Tracking;

namespace Lib.Track.Train;

/// <summary>
/// Trains the workflow's models in one call: the split over both genders' windows, then one model per gender, each saved
/// to <c>&lt;out&gt;/men</c> or <c>&lt;out&gt;/women</c> (<c>model.safetensors</c> + <c>meta.json</c>) and, with a tracking store,
/// recorded as a run of the <c>track</c> experiment (parameters, per-epoch metrics, the two files as artifacts).
/// </summary>
public static class TrackTraining
{
    /// <summary>The tracking experiment's name.</summary>
    public const string Experiment = "track";

    /// <summary>The split every model of <paramref name="data"/> uses: the latest target seasons over both genders.</summary>
    public static SplitPlan Plan(TrackData data, TrackTrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return SplitPlan.Latest(Windows.Build(data.Families, options.Model.Seasons), options.TestSeasons, options.ValidationSeasons);
    }

    /// <summary>
    /// The models saved in <paramref name="outDirectory"/>; when a gender's is missing, trains it with <paramref name="options"/>
    /// first (so a notebook that needs a model works even when the training notebook has not run).
    /// </summary>
    public static IReadOnlyList<TrackModel> LoadOrTrain(TrackData data, TrackTrainOptions options, string outDirectory, IProgressReporter? progress = null,
        TrackingStore? tracking = null)
    {
        ArgumentNullException.ThrowIfNull(outDirectory);
        var missing = new[] { Gender.Men, Gender.Women }.Where(g => !File.Exists(Path.Combine(TrackModels.FolderOf(outDirectory, g), TrackModel.MetaFile))).ToList();
        if (missing.Count > 0) TrainAndSave(data, options, outDirectory, missing, progress, tracking);
        return [.. new[] { Gender.Men, Gender.Women }.Select(g => TrackModel.Load(TrackModels.FolderOf(outDirectory, g)))];
    }

    /// <summary>Trains and saves the models of <paramref name="genders"/> (default both) into <paramref name="outDirectory"/>.</summary>
    public static IReadOnlyList<TrackModel> TrainAndSave(TrackData data, TrackTrainOptions options, string outDirectory, IReadOnlyList<Gender>? genders = null,
        IProgressReporter? progress = null, TrackingStore? tracking = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(outDirectory);
        var plan = Plan(data, options);
        var models = new List<TrackModel>();
        foreach (var gender in genders ?? [Gender.Men, Gender.Women])
        {
            var folder = TrackModels.FolderOf(outDirectory, gender);
            using var run = tracking?.StartRun(Experiment, $"track-{TrackTrainer.Name(gender)}");
            try
            {
                var model = TrackTrainer.Train(data, gender, plan, options, progress, run, cancellationToken);
                model.Save(folder);
                run?.LogArtifact(Path.Combine(folder, TrackModel.WeightsFile));
                run?.LogArtifact(Path.Combine(folder, TrackModel.MetaFile));
                run?.SetTag("model_folder", Path.GetFullPath(folder));
                models.Add(model);
            }
            catch
            {
                run?.End(RunStatus.Failed);
                throw;
            }
        }
        return models;
    }
}
