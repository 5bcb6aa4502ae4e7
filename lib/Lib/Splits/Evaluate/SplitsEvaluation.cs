using Lib.Storage;
using Microsoft.Data.Analysis;

namespace Lib.Splits.Evaluate;

/// <summary>
/// Every point of every ordered pair on the held-out tracks, and the scores per track and overall of the model, the
/// baseline scaled to the model's start and finish, and the baseline given the true start and finish.
/// </summary>
public sealed record SplitsEvaluation(IReadOnlyList<PointPrediction> Points, IReadOnlyList<MethodScore> Scores)
{
    /// <summary>The methods, as named in <see cref="Scores"/>.</summary>
    public static readonly string[] Methods = ["model", "baseline (model's ends)", "baseline (true ends)"];

    /// <summary>Scores <paramref name="points"/> per track and overall.</summary>
    public static SplitsEvaluation Of(IReadOnlyList<PointPrediction> points)
    {
        ArgumentNullException.ThrowIfNull(points);
        var scores = new List<MethodScore>();
        var groups = points.GroupBy(p => p.TrackId).OrderBy(g => g.Key, StringComparer.Ordinal).ToList();
        foreach (var (track, rows) in groups.Select(g => (g.Key, g.ToList())).Append(("all", [.. points])))
            for (int m = 0; m < Methods.Length; m++)
            {
                if (rows.Count == 0)
                    continue;
                int method = m;
                double Error(PointPrediction p) =>
                    Math.Abs(
                        (
                            method switch
                            {
                                0 => p.ModelSeconds,
                                1 => p.BaselineSeconds,
                                _ => p.BaselineTrueEndsSeconds,
                            }
                        ) - p.TrueSeconds
                    );
                var pairs = rows.GroupBy(p => (p.TrackId, p.SourceRider, p.TargetRider)).ToList();
                scores.Add(
                    new MethodScore(
                        track,
                        Methods[m],
                        rows.Count,
                        rows.Average(Error),
                        rows.Count(p => Error(p) <= 0.5) / (double)rows.Count,
                        pairs.Max(g => g.Average(Error)),
                        pairs.Min(g => g.Count(p => Error(p) <= 0.5) / (double)g.Count())
                    )
                );
            }
        return new SplitsEvaluation(points, scores);
    }

    /// <summary>The scores as a table, one row per track and method.</summary>
    public DataFrame ToDataFrame() => Scores.ToDataFrame();

    /// <summary>The points as a table.</summary>
    public DataFrame PointsFrame() => Points.ToDataFrame();

    /// <summary>Whether the model meets the bar on every held-out track: MAE ≤ 0.25 s and ≥ 90 % within
    /// 0.5 s for every ordered pair, and a lower MAE than both baselines on every track.</summary>
    public bool MeetsTarget =>
        Scores
            .Where(s => s.Method == Methods[0] && s.Track != "all")
            .All(s =>
                s.WorstPairMaeSeconds <= 0.25
                && s.WorstPairWithin05 >= 0.9
                && Scores.Where(b => b.Track == s.Track && b.Method != Methods[0]).All(b => s.MaeSeconds < b.MaeSeconds)
            );
}
