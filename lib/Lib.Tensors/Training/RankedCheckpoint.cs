namespace Lib.Tensors.Training;

/// <summary>One of the top-k checkpoints kept by <see cref="CheckpointOptions.SaveTopK"/>.</summary>
/// <param name="Path">The checkpoint file.</param>
/// <param name="Epoch">The epoch it was saved after, from 0.</param>
/// <param name="Value">The monitored metric's value at that epoch.</param>
public sealed record RankedCheckpoint(string Path, int Epoch, double Value);
