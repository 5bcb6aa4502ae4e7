namespace Lib.Tensors.Training;

/// <summary>
/// Where and what the trainer checkpoints: <c>last.safetensors</c> after every epoch (for resuming)
/// and, with a <see cref="Monitor"/>, <c>best.safetensors</c> whenever that metric improves.
/// </summary>
/// <param name="Directory">The folder of the checkpoint files (created when missing).</param>
public sealed record CheckpointOptions(string Directory)
{
    /// <summary>The metric that selects the best checkpoint; null saves no best checkpoint.</summary>
    public string? Monitor { get; init; }

    /// <summary>Whether lower or higher <see cref="Monitor"/> is better.</summary>
    public MetricMode Mode { get; init; } = MetricMode.Min;

    /// <summary>Whether <c>last.safetensors</c> is written after every epoch.</summary>
    public bool SaveLast { get; init; } = true;

    /// <summary>Extra string metadata stored in every checkpoint (model configuration, vocabularies as JSON).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The path of the last checkpoint.</summary>
    public string LastPath => Path.Combine(Directory, "last.safetensors");

    /// <summary>The path of the best checkpoint.</summary>
    public string BestPath => Path.Combine(Directory, "best.safetensors");
}
