namespace Lib.Storage;

/// <summary>What a step's build function gets: a private folder to write its outputs into.</summary>
public sealed class CacheBuild
{
    private readonly Dictionary<string, long> _rows = new(StringComparer.Ordinal);

    internal CacheBuild(string directory, CacheStep step)
    {
        Directory = directory;
        Step = step;
    }

    /// <summary>The staging folder; it replaces the cached one only when the build succeeds.</summary>
    public string Directory { get; }

    /// <summary>The step being built.</summary>
    public CacheStep Step { get; }

    /// <summary>Where to write the declared output <paramref name="output"/>.</summary>
    public string PathOf(string output)
    {
        if (!Step.Outputs.Contains(output))
            throw new ArgumentException(
                $"'{output}' is not a declared output of cache step '{Step.Name}' (declared: "
                    + $"{string.Join(", ", Step.Outputs)}).",
                nameof(output)
            );
        var path = Path.Combine(Directory, output);
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    /// <summary>Records how many rows an output holds (shown in the manifest).</summary>
    public void SetRows(string output, long rows) => _rows[output] = rows;

    internal long? RowsOf(string output) => _rows.TryGetValue(output, out var r) ? r : null;
}

/// <summary>The outcome of <see cref="DerivedCache.Run"/>: where the outputs are and whether they were rebuilt, and
/// why.</summary>
public sealed record CacheResult(string Directory, bool Rebuilt, string Reason, CacheManifest Manifest)
{
    /// <summary>The path of an output of the step.</summary>
    public string PathOf(string output) =>
        Manifest.Outputs.Any(o => o.Path == output)
            ? Path.Combine(Directory, output)
            : throw new ArgumentException(
                $"'{output}' is not an output of cache step '{Manifest.Step}'.",
                nameof(output)
            );
}
