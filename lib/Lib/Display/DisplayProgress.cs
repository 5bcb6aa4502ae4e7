namespace Lib.Display;

/// <summary>
/// Progress in a notebook: each task is shown once and then updated in place. The notebook supplies
/// how to show a value and get its updater, for example (Polyglot and the lab's runner alike):
/// <code>var progress = new DisplayProgress(v => { var h = display(v); return h.Update; });</code>
/// </summary>
public sealed class DisplayProgress(Func<object, Action<object>> show, TimeSpan? interval = null) : IProgressReporter
{
    private readonly TimeSpan _interval = interval ?? TimeSpan.FromMilliseconds(250);

    /// <inheritdoc />
    public IProgressTask Start(string description, long? total = null, string unit = "items")
    {
        Action<object>? update = null;
        return new ProgressTask(description, total, unit, _interval, s =>
        {
            if (update is null)
                update = show(s);
            else
                update(s);
        });
    }
}

/// <summary>Progress that goes nowhere: the default when a caller passes none.</summary>
public sealed class NoProgress : IProgressReporter
{
    /// <summary>The shared instance.</summary>
    public static NoProgress Instance { get; } = new();

    /// <inheritdoc />
    public IProgressTask Start(string description, long? total = null, string unit = "items") =>
        new ProgressTask(description, total, unit, TimeSpan.MaxValue, _ => { });
}
