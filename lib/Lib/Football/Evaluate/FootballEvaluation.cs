using Lib.Football.Dataset;
using Lib.Football.Model;
using Microsoft.Data.Analysis;

namespace Lib.Football.Evaluate;

/// <summary>
/// The model against the baselines on one split's samples: the table (every forecaster over all players, per
/// position group and per play type), the coverage head's score, each forecaster's mean displacement per step (error
/// by horizon) and one batch with every forecast kept for the charts.
/// </summary>
public sealed record FootballEvaluation(
    string Split,
    int Samples,
    IReadOnlyList<ScoreRow> Rows,
    CoverageScore? Coverage,
    IReadOnlyDictionary<string, double[]> ErrorByStep,
    TrajectoryBatch Example,
    IReadOnlyDictionary<string, TrajectoryForecast> ExampleForecasts
)
{
    /// <summary>The row of <paramref name="predictor"/> over <paramref name="slice"/> (<c>all</c> by
    /// default).</summary>
    public TrajectoryScore Score(string predictor, string slice = "all") =>
        Rows.First(r => r.Predictor == predictor && r.Slice == slice).Score;

    /// <summary>The table as a DataFrame (one row per forecaster and slice).</summary>
    public DataFrame ToDataFrame()
    {
        var rows = Rows;
        DataFrameColumn Number(string name, Func<TrajectoryScore, double> f) =>
            new DoubleDataFrameColumn(name, rows.Select(r => Math.Round(f(r.Score), 3)));
        return new DataFrame(
            new StringDataFrameColumn("predictor", rows.Select(r => r.Predictor)),
            new StringDataFrameColumn("slice", rows.Select(r => r.Slice)),
            new Int32DataFrameColumn("players_2s", rows.Select(r => r.Score.Count2)),
            Number("ade_1s", s => s.Ade1),
            Number("fde_1s", s => s.Fde1),
            Number("miss_1s", s => s.Miss1),
            Number("ade_2s", s => s.Ade2),
            Number("fde_2s", s => s.Fde2),
            Number("miss_2s", s => s.Miss2),
            Number("min_ade_2s", s => s.MinAde2),
            Number("min_fde_2s", s => s.MinFde2),
            Number("nll_2s", s => s.Nll2)
        );
    }
}
