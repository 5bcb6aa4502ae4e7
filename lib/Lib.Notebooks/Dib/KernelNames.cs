namespace Lib.Notebooks.Dib;

/// <summary>
/// Kernel names and aliases a <c>.dib</c> separator line may use (<c>#!csharp</c>, <c>#!C#</c>, <c>#!md</c> ...),
/// as Polyglot Notebooks defines them, extended by the kernels a notebook's <c>#!meta</c> lists.
/// </summary>
public sealed class KernelNames
{
    /// <summary>The C# kernel's canonical name.</summary>
    public const string CSharp = "csharp";

    /// <summary>The markdown kernel's canonical name.</summary>
    public const string Markdown = "markdown";

    private static readonly (string Name, string[] Aliases)[] BuiltIn =
    [
        (CSharp, ["cs", "C#", "c#"]),
        ("fsharp", ["fs", "F#", "f#"]),
        ("pwsh", ["powershell"]),
        ("javascript", ["js"]),
        (Markdown, ["md"]),
        ("html", []),
        ("mermaid", []),
        ("sql", []),
        ("kql", []),
        ("http", []),
        ("value", []),
    ];

    private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);

    /// <summary>The built-in names plus <paramref name="extra"/> (name, aliases) pairs from <c>#!meta</c>.</summary>
    public KernelNames(IEnumerable<(string Name, IReadOnlyList<string> Aliases)>? extra = null)
    {
        foreach (var (name, aliases) in BuiltIn) Add(name, aliases);
        foreach (var (name, aliases) in extra ?? []) Add(name, aliases);
    }

    /// <summary>The canonical kernel name for a name or alias, or null when it names no kernel.</summary>
    public string? Resolve(string nameOrAlias) => _canonical.GetValueOrDefault(nameOrAlias);

    private void Add(string name, IEnumerable<string> aliases)
    {
        if (string.IsNullOrWhiteSpace(name)) return;
        var canonical = _canonical.GetValueOrDefault(name, name);
        _canonical[name] = canonical;
        foreach (var alias in aliases)
            if (!string.IsNullOrWhiteSpace(alias)) _canonical.TryAdd(alias, canonical);
    }
}
