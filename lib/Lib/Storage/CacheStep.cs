namespace Lib.Storage;

/// <summary>
/// A pipeline step's declaration for the <see cref="DerivedCache"/>: what it reads (files, parameters,
/// a code version) and which files it writes. The step is rebuilt when any of these change.
/// </summary>
public sealed class CacheStep(string name)
{
    /// <summary>The step's folder name in the cache, such as <c>track-families</c>.</summary>
    public string Name { get; } = ValidName(name);

    /// <summary>Bump when the step's code changes what it writes.</summary>
    public string CodeVersion { get; init; } = "1";

    /// <summary>Files the step reads; their contents are hashed.</summary>
    public IList<string> Inputs { get; init; } = [];

    /// <summary>Parameters the step depends on (compared as text).</summary>
    public IDictionary<string, string> Parameters { get; init; } =
        new SortedDictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The files the step writes, relative to its folder (<c>performances.parquet</c>,
    /// <c>sequences.safetensors</c> ...).</summary>
    public IList<string> Outputs { get; init; } = [];

    private static string ValidName(string name) =>
        !string.IsNullOrWhiteSpace(name)
        && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')
        && !name.StartsWith('.')
            ? name
            : throw new ArgumentException(
                $"Cache step name '{name}' must be letters, digits, '-', '_' or '.', not starting with '.'.",
                nameof(name)
            );
}
