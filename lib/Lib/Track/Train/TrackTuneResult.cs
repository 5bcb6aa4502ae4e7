using Lib.Track.Dataset;
using Lib.Track.Domain;
using Lib.Tuning;
using Microsoft.Data.Analysis;
using Plotly.NET;

namespace Lib.Track.Train;

/// <summary>What <see cref="TrackTuneStep"/> gives back: the study, the split its trials were judged on, and the
/// best trial's settings, ready for <see cref="TrackTrainStep.Run"/>.</summary>
/// <param name="Gender">The gender whose model was tuned.</param>
/// <param name="Study">The trials (reused ones included), the best, and whether the study was cancelled.</param>
/// <param name="Plan">The split: trials train on its training seasons and are judged on its validation seasons.
/// </param>
/// <param name="BestOptions">The request's settings with the best trial's parameters (its full epoch limit; the
/// request's refit, which the trials go without); null when no trial has a value.</param>
public sealed record TrackTuneResult(Gender Gender, StudyResult Study, SplitPlan Plan, TrackTrainOptions? BestOptions)
{
    /// <summary>The comparison table (<see cref="StudyResult.ToDataFrame"/>).</summary>
    public DataFrame ToDataFrame() => Study.ToDataFrame();

    /// <summary>The metric per trial with the best so far (<see cref="TuningCharts.Trials"/>).</summary>
    public GenericChart TrialsChart() => TuningCharts.Trials(Study);

    /// <summary>Each parameter against the metric (<see cref="TuningCharts.Parameters"/>).</summary>
    public GenericChart ParametersChart() => TuningCharts.Parameters(Study);
}
