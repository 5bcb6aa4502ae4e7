namespace Lib.Workflow;

/// <summary>
/// Where a training run keeps its checkpoints (<c>checkpoints/</c> in its model folder) and where
/// <c>--resume-from</c> continues one: <c>last</c> (that folder's <c>last.safetensors</c>, written after every epoch)
/// or a checkpoint file.
/// </summary>
public static class ResumePoint
{
    /// <summary>The word for the model folder's last checkpoint.</summary>
    public const string Last = "last";

    /// <summary>The checkpoint folder of <paramref name="modelFolder"/>.</summary>
    public static string Folder(string modelFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        return Path.Combine(modelFolder, "checkpoints");
    }

    /// <summary>The checkpoint file <paramref name="resumeFrom"/> names (null: a fresh run), <see cref="Last"/> read
    /// as <paramref name="checkpoints"/>' <c>last.safetensors</c>.</summary>
    /// <exception cref="FileNotFoundException">The file is not there.</exception>
    public static string? Resolve(string? resumeFrom, string checkpoints)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(checkpoints);
        if (resumeFrom is null)
            return null;
        var file = resumeFrom == Last ? Path.Combine(checkpoints, "last.safetensors") : resumeFrom;
        return File.Exists(file)
            ? file
            : throw new FileNotFoundException($"No checkpoint to resume from at {file}.", file);
    }
}
