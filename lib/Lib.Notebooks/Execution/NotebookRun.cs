using Lib.Notebooks.Documents;

namespace Lib.Notebooks.Execution;

/// <summary>How a cell fared.</summary>
public enum CellStatus
{
    /// <summary>Not executed: markdown, or after an earlier failure.</summary>
    NotRun,

    /// <summary>Ran to completion.</summary>
    Succeeded,

    /// <summary>Failed to compile, threw, or was refused.</summary>
    Failed,
}

/// <summary>One cell of an executed notebook and what it produced.</summary>
public sealed class CellRun(NotebookCell cell, int number)
{
    /// <summary>The cell as written (or injected).</summary>
    public NotebookCell Cell { get; } = cell;

    /// <summary>The cell's 1-based position among the notebook's cells (0 for the injected parameters cell).</summary>
    public int Number { get; } = number;

    /// <summary>True for the cell the runner injected after the parameters cell.</summary>
    public bool IsInjectedParameters { get; init; }

    /// <summary>True for the notebook's <c>// parameters</c> cell.</summary>
    public bool IsParameters { get; init; }

    /// <summary>The order in which the cell ran, as Jupyter numbers it; null when it did not run.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>How it fared.</summary>
    public CellStatus Status { get; set; }

    /// <summary>How long it took.</summary>
    public TimeSpan Duration { get; set; }

    /// <summary>What it produced, in order.</summary>
    public List<CellOutput> Outputs { get; } = [];
}

/// <summary>An executed notebook.</summary>
/// <param name="Document">The notebook as parsed.</param>
/// <param name="Cells">Every cell, including an injected parameters cell.</param>
/// <param name="Failure">The first failure ("cell 3, line 2: ..."), or null when every cell ran.</param>
/// <param name="Duration">Wall time for the whole notebook.</param>
public sealed record NotebookRun(
    NotebookDocument Document,
    IReadOnlyList<CellRun> Cells,
    string? Failure,
    TimeSpan Duration
)
{
    /// <summary>True when no cell failed.</summary>
    public bool Succeeded => Failure is null && Cells.All(c => c.Status != CellStatus.Failed);

    /// <summary>Every failure, one line each.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];
}
