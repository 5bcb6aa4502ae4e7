using TorchSharp;

namespace Benchmarks.Models;

/// <summary>
/// The TorchSharp side of a shipped model (<c>models --engine torch|both</c>): the model's twin from <c>Lib.Torch</c>
/// with the engine benchmark's weights (copied by state-dict key) and the same pool of batches as TorchSharp tensors,
/// trained as the engine side trains it (same loss, optimizer, clipping). Register one in
/// <see cref="ModelsBenchmark"/>'s <c>TorchModels</c> under the engine benchmark's name; any twin (track's and
/// climbing's too) comes in through this interface.
/// </summary>
internal interface ITorchModelBenchmark
{
    /// <summary>The engine side of the same benchmark: its name, sample unit, batch size, parameter count and
    /// configuration are the twin's too.</summary>
    IModelBenchmark Engine { get; }

    /// <summary>The twin.</summary>
    torch.nn.Module Model { get; }

    /// <summary>One optimizer step on pool batch <paramref name="batch"/>; returns the loss.</summary>
    float TrainStep(int batch);

    /// <summary>One forward pass (eval mode, no grad) on pool batch <paramref name="batch"/>.</summary>
    void InferStep(int batch);
}
