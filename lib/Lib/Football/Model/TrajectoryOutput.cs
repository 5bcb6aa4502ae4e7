using Lib.Tensors;

namespace Lib.Football.Model;

/// <summary>
/// What <see cref="TrajectoryGnn"/> returns for a batch. <see cref="Means"/> [nodes, K, horizon, 2] are every node's
/// forecast positions relative to its last observed position, in yards (K = 1 for the deterministic head);
/// with the mixture decoder <see cref="LogSigma"/> [nodes, K, horizon, 2] are the modes' log standard deviations
/// and <see cref="ModeLogits"/> [nodes, K] their unnormalised log weights. <see cref="CoverageLogit"/> [scenes] is
/// the coverage head's logit of a tight window.
/// </summary>
public sealed record TrajectoryOutput(Tensor Means, Tensor? LogSigma, Tensor? ModeLogits, Tensor CoverageLogit)
{
    /// <summary>Whether the output is a mixture.</summary>
    public bool IsMixture => ModeLogits is not null;
}
