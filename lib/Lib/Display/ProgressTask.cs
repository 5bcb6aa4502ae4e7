using System.Diagnostics;

namespace Lib.Display;

/// <summary>
/// A progress task that hands snapshots to a renderer: at most every <c>interval</c> while running,
/// and always once when it finishes. Thread-safe.
/// </summary>
public sealed class ProgressTask : IProgressTask
{
    private readonly Lock _gate = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Action<ProgressSnapshot> _render;
    private readonly TimeSpan _interval;
    private readonly string _description;
    private readonly string _unit;
    private long _done;
    private long? _total;
    private string? _status;
    private bool _finished;
    private TimeSpan _lastRender;

    /// <summary>Creates a task rendering through <paramref name="render"/> no more often than
    /// <paramref name="interval"/>.</summary>
    public ProgressTask(
        string description,
        long? total,
        string unit,
        TimeSpan interval,
        Action<ProgressSnapshot> render
    )
    {
        _description = description;
        _total = total;
        _unit = unit;
        _interval = interval;
        _render = render;
        Render(force: true);
    }

    /// <summary>The current state.</summary>
    public ProgressSnapshot Snapshot
    {
        get
        {
            lock (_gate)
                return new(_description, _done, _total, _unit, _clock.Elapsed, _status, _finished);
        }
    }

    /// <inheritdoc />
    public void Advance(long amount = 1)
    {
        Interlocked.Add(ref _done, amount);
        Render(force: false);
    }

    /// <inheritdoc />
    public void SetStatus(string status)
    {
        lock (_gate)
            _status = status;
        Render(force: false);
    }

    /// <inheritdoc />
    public void SetTotal(long total)
    {
        lock (_gate)
            _total = total;
        Render(force: false);
    }

    /// <inheritdoc />
    public void Complete()
    {
        lock (_gate)
        {
            if (_finished)
                return;
            _finished = true;
            _clock.Stop();
        }
        Render(force: true);
    }

    /// <inheritdoc />
    public void Dispose() => Complete();

    private void Render(bool force)
    {
        ProgressSnapshot snapshot;
        lock (_gate)
        {
            var now = _clock.Elapsed;
            if (!force && now - _lastRender < _interval)
                return;
            _lastRender = now;
            snapshot = new(_description, Interlocked.Read(ref _done), _total, _unit, now, _status, _finished);
        }
        _render(snapshot);
    }
}
