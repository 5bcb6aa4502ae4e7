using Lib.Football.Model;

namespace Lib.Football.Evaluate;

/// <summary>One row of the evaluation table: a forecaster's score over one slice of the players (<c>all</c>, a
/// position group, a play type).</summary>
public sealed record ScoreRow(string Predictor, string Slice, TrajectoryScore Score);
