using Lib.Tensors.NN;
using Lib.Tensors.Training;

namespace Lib.Workflow;

/// <summary>
/// Runs a <see cref="FitJob{TNetwork, TBatch, TOptions}"/>: <see cref="EngineFit{TNetwork, TBatch, TOptions}"/> on
/// the lab's engine, or <c>Lib.Torch</c>'s twin strategies on LibTorch's CPU or a GPU. A workflow's Train room takes a
/// strategy as an argument, so the choice of device never duplicates the room's orchestration.
/// </summary>
public interface IFitStrategy<TNetwork, TBatch, TOptions>
    where TNetwork : Module
{
    /// <summary>Where the strategy trains.</summary>
    ComputeDevice Device { get; }

    /// <summary>Trains <paramref name="job"/>'s network and returns the history; the network then holds the trained
    /// weights.</summary>
    TrainingHistory Fit(FitJob<TNetwork, TBatch, TOptions> job);
}
