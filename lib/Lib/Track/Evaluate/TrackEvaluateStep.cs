using Lib.Charts;
using Lib.Track.Cache;
using Lib.Track.Model;

namespace Lib.Track.Evaluate;

/// <summary>
/// The evaluate step, the one orchestration <c>lab track evaluate</c> and <c>notebooks/track/04-evaluate.dib</c> call:
/// every
/// model on its held-out test seasons beside the baselines (<see cref="TrackEvaluation"/>), as one report; and the
/// report's
/// charts saved as standalone HTML pages.
/// </summary>
public static class TrackEvaluateStep
{
    /// <summary>Evaluates <paramref name="models"/> (one per gender) on <paramref name="data"/>.</summary>
    public static EvaluationReport Run(TrackData data, IReadOnlyList<TrackModel> models)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(models);
        if (models.Count == 0)
            throw new ArgumentException("No models to evaluate.", nameof(models));
        return new EvaluationReport([.. models.Select(m => TrackEvaluation.Run(data, m))]);
    }

    /// <summary>
    /// Writes the charts of <paramref name="report"/> into <paramref name="directory"/>: per gender the forecast
    /// against the
    /// actual peak and the error by event, and the learning curves. Returns the files written.
    /// </summary>
    public static IReadOnlyList<string> SaveCharts(EvaluationReport report, string directory)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var files = new List<string>();
        void Save(Plotly.NET.GenericChart chart, string name)
        {
            var path = Path.Combine(directory, name);
            ChartHtml.Save(chart, path);
            files.Add(path);
        }
        foreach (var g in report.Genders)
        {
            Save(EvaluationCharts.PredictedVsActual(g), $"{g.Who}-forecast-vs-actual.html");
            Save(EvaluationCharts.ErrorByEvent(g), $"{g.Who}-error-by-event.html");
        }
        Save(EvaluationCharts.LearningCurves([.. report.Genders.Select(g => g.Card)]), "learning-curves.html");
        return files;
    }
}
