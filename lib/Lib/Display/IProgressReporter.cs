namespace Lib.Display;

/// <summary>
/// Where long-running library work reports progress. Library code only talks to this; hosts render
/// it: Spectre.Console bars in the CLI, a live <c>display(...).Update(...)</c> in notebooks
/// (<see cref="DisplayProgress"/>), plain periodic lines when output is redirected (<see cref="LineProgress"/>).
/// </summary>
public interface IProgressReporter
{
    /// <summary>Starts a task; <paramref name="total"/> is null when the amount of work is unknown.</summary>
    IProgressTask Start(string description, long? total = null, string unit = "items");
}

/// <summary>One piece of work in progress; dispose (or <see cref="Complete"/>) when it ends.</summary>
public interface IProgressTask : IDisposable
{
    /// <summary>Adds <paramref name="amount"/> units of finished work.</summary>
    void Advance(long amount = 1);

    /// <summary>Sets a short status shown beside the bar, such as the current loss.</summary>
    void SetStatus(string status);

    /// <summary>Changes the total once it becomes known.</summary>
    void SetTotal(long total);

    /// <summary>Marks the task finished.</summary>
    void Complete();
}
