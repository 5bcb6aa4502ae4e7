namespace Lib.Notebooks.Execution;

/// <summary>How to run a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>Apply each parameter's <c>// smoke:</c> value: a quick run on the same code path.</summary>
    public bool Smoke { get; init; }

    /// <summary>Parameter overrides (<c>--param name=value</c>), converted to each parameter's declared type.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Run the remaining cells after a failure instead of stopping.</summary>
    public bool KeepGoing { get; init; }

    /// <summary>Fail a cell that runs longer than this (null: no limit); the notebook stops there.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Where progress lines go (null for none).</summary>
    public TextWriter? Log { get; init; }

    /// <summary>Paths in messages are shown relative to this folder.</summary>
    public string DisplayRoot { get; init; } = Directory.GetCurrentDirectory();
}
