using Lib.Workflow;

namespace Lib.Climbing.Evaluate;

/// <summary>What <see cref="ClimbingEvaluateStep.RunFile"/> gave: the evaluation of the model on the file's graded
/// routes, the file's format, the routes left unscored for want of a grade, the records refused, and the files
/// written.</summary>
public sealed record FileEvaluation(
    Evaluation Evaluation,
    string Format,
    int Ungraded,
    IReadOnlyList<RejectedRecord> Rejected,
    string MetricsPath,
    string MetricsCsvPath
);
