using static TorchSharp.torch;

namespace Lib.Torch.Football;

/// <summary>
/// What <see cref="TrajectoryGnnTwin"/> returns, as <see cref="Lib.Football.Model.TrajectoryOutput"/> does on the
/// engine: means [nodes, K, horizon, 2] (yards from each node's last observed position), with the mixture decoder the
/// log standard deviations [nodes, K, horizon, 2] and mode logits [nodes, K], and the coverage logits [scenes].
/// </summary>
public sealed record TrajectoryOutputTensors(Tensor Means, Tensor? LogSigma, Tensor? ModeLogits, Tensor CoverageLogit)
{
    /// <summary>Whether the output is a mixture.</summary>
    public bool IsMixture => ModeLogits is not null;
}
