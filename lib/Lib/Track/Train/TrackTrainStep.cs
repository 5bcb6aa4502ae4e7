using Lib.Display;
using Lib.Track.Cache;
using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Track.Model;
using Lib.Tracking;
using Lib.Workflow;

namespace Lib.Track.Train;

/// <summary>
/// The train step, the one orchestration <c>lab track train</c> and <c>notebooks/track/03-train.dib</c> call: the split
/// over
/// both genders' windows, then one model per gender, each saved to <c>&lt;out&gt;/men</c> or <c>&lt;out&gt;/women</c>
/// (a
/// <see cref="ModelFolder"/>: <c>model.safetensors</c> + <c>model.json</c>) and, with a tracking store, recorded as a
/// run
/// of the <c>track</c> experiment (parameters, per-epoch metrics, the two files as artifacts).
/// </summary>
public static class TrackTrainStep
{
    /// <summary>The tracking experiment's name.</summary>
    public const string Experiment = "track";

    /// <summary>The split every model of <paramref name="data"/> uses: the latest target seasons over both
    /// genders.</summary>
    public static SplitPlan Plan(TrackData data, TrackTrainOptions options)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        return SplitPlan.Latest(
            Windows.Build(data.Histories, options.Model.Seasons),
            options.TestSeasons,
            options.ValidationSeasons,
            options.Backtest
        );
    }

    /// <summary>Trains and saves the models of <paramref name="genders"/> (default both) into
    /// <paramref name="outDirectory"/>.</summary>
    public static IReadOnlyList<TrackModel> Run(
        TrackData data,
        TrackTrainOptions options,
        string outDirectory,
        IReadOnlyList<Gender>? genders = null,
        IProgressReporter? progress = null,
        TrackingStore? tracking = null,
        CancellationToken cancellationToken = default,
        IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions>? fit = null
    )
    {
        ArgumentNullException.ThrowIfNull(outDirectory);
        var plan = Plan(data, options);
        var models = new List<TrackModel>();
        foreach (var gender in genders ?? [Gender.Men, Gender.Women])
        {
            var folder = TrackModels.FolderOf(outDirectory, gender);
            using var run = tracking?.StartRun(Experiment, $"track-{TrackModels.Name(gender)}");
            try
            {
                var model = TrackTrainer.Train(data, gender, plan, options, progress, run, cancellationToken, fit);
                model.Save(folder);
                run?.LogArtifact(Path.Combine(folder, ModelFolder.WeightsFile));
                run?.LogArtifact(Path.Combine(folder, ModelFolder.CardFile));
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

    /// <summary>
    /// The models saved in <paramref name="outDirectory"/>; when a gender's is missing, trains it with
    /// <paramref name="options"/>
    /// first (so a notebook that needs a model works even when the training notebook has not run).
    /// </summary>
    public static IReadOnlyList<TrackModel> LoadOrRun(
        TrackData data,
        TrackTrainOptions options,
        string outDirectory,
        IProgressReporter? progress = null,
        TrackingStore? tracking = null,
        IFitStrategy<HierarchicalLstm, TrackBatch, TrackTrainOptions>? fit = null
    )
    {
        ArgumentNullException.ThrowIfNull(outDirectory);
        var missing = new[] { Gender.Men, Gender.Women }
            .Where(g => !ModelFolder.Holds(TrackModels.FolderOf(outDirectory, g)))
            .ToList();
        if (missing.Count > 0)
            Run(data, options, outDirectory, missing, progress, tracking, fit: fit);
        return
        [
            .. new[] { Gender.Men, Gender.Women }.Select(g => TrackModel.Load(TrackModels.FolderOf(outDirectory, g))),
        ];
    }
}
