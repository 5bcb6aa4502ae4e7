using Lib.Climbing.Model;
using Lib.Tracking;

namespace Lib.Climbing.Evaluate;

/// <summary>What the evaluation step gives: the model as loaded from its folder, its evaluation against the baselines,
/// and the tracked run (null when no store was given).</summary>
public sealed record ModelEvaluation(GradeModel Model, Evaluation Evaluation, RunRecord? Run);
