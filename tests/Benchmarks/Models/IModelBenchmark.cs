using Lib.Tensors.NN;

namespace Benchmarks.Models;

/// <summary>
/// One of the five benchmark models with its PyTorch twin in <c>tests/Benchmarks/pytorch/</c> (parameter counts
/// must match exactly), with a pool of synthetic batches made before timing: the workflows' own models
/// (<c>hier_lstm</c>, <c>transformer_grade</c>) from <c>Lib</c>, the other three as seed shapes built here.
/// </summary>
internal interface IModelBenchmark
{
    /// <summary>The name the PyTorch script reports (<c>hier_lstm</c> ...).</summary>
    string Name { get; }

    /// <summary>What a sample is: "samples", "graphs" or "pairs".</summary>
    string SampleUnit { get; }

    /// <summary>Samples per batch.</summary>
    int BatchSize { get; }

    /// <summary>The PyTorch script's parameter count, which the model must reproduce.</summary>
    long ExpectedParameters { get; }

    /// <summary>The shape settings, as the PyTorch script's <c>config</c> field reports them.</summary>
    IReadOnlyDictionary<string, object> Config { get; }

    /// <summary>The model (for parameter counts and train/eval switching).</summary>
    Module Model { get; }

    /// <summary>One optimizer step on pool batch <paramref name="batch"/>; returns the loss.</summary>
    float TrainStep(int batch);

    /// <summary>One forward pass in eval mode under no-grad on pool batch <paramref name="batch"/>.</summary>
    void InferStep(int batch);
}
