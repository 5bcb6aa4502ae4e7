namespace Lib.Tensors.Training;

/// <summary>
/// Where and what the trainer checkpoints: <c>last.safetensors</c> after every epoch (for resuming)
/// and, with a <see cref="Monitor"/>, <c>best.safetensors</c> whenever that metric improves and, with
/// <see cref="SaveTopK"/>, the k best epochs as <c>epoch=3-val_loss=0.1234.safetensors</c> (Lightning's
/// <c>ModelCheckpoint(save_top_k=k)</c>).
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

    /// <summary>
    /// How many of the best epochs by <see cref="Monitor"/> keep a file of their own (<see cref="TopKPath"/>): 0
    /// (default) none, k &gt; 0 the k best (a better epoch's file is written, then the worst one's deleted), -1 every
    /// epoch. Needs a <see cref="Monitor"/>; an epoch whose metric is NaN is never kept.
    /// </summary>
    public int SaveTopK { get; init; }

    /// <summary>Extra string metadata stored in every checkpoint (model configuration, vocabularies as JSON).</summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>The path of the last checkpoint.</summary>
    public string LastPath => Path.Combine(Directory, "last.safetensors");

    /// <summary>The path of the best checkpoint.</summary>
    public string BestPath => Path.Combine(Directory, "best.safetensors");

    /// <summary>The path of a top-k checkpoint: <c>epoch=&lt;epoch&gt;-&lt;monitor&gt;=&lt;value&gt;.safetensors</c>
    /// (the value in invariant <c>G6</c>; characters a file name cannot hold become <c>_</c>).</summary>
    public string TopKPath(int epoch, double value)
    {
        var invalid = Path.GetInvalidFileNameChars();
        var monitor = new string([.. (Monitor ?? "metric").Select(c => invalid.Contains(c) || c == '/' ? '_' : c)]);
        var text = value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture);
        return Path.Combine(Directory, $"epoch={epoch}-{monitor}={text}.safetensors");
    }
}
