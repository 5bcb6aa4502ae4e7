namespace Lib.Notebooks.Execution;

/// <summary>
/// Where a running notebook's outputs go: the current cell's output list, plus every displayed
/// value by id so that an update from a later cell replaces it where it was first shown, as
/// Polyglot Notebooks does. Thread-safe: the kernel publishes events from background tasks.
/// </summary>
internal sealed class OutputContext
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DisplayOutput> _displays = [];
    private List<CellOutput> _current = [];

    /// <summary>Directs later outputs to <paramref name="outputs"/>.</summary>
    public void SetCurrent(List<CellOutput> outputs)
    {
        lock (_gate)
            _current = outputs;
    }

    /// <summary>Appends text to the current cell's stream, merging with the previous chunk of the same
    /// stream.</summary>
    public void Write(string stream, string text)
    {
        if (text.Length == 0)
            return;
        lock (_gate)
        {
            if (_current.Count > 0 && _current[^1] is StreamOutput last && last.Name == stream)
                last.Text.Append(text);
            else
            {
                var output = new StreamOutput(stream);
                output.Text.Append(text);
                _current.Add(output);
            }
        }
    }

    /// <summary>Adds an output to the current cell; a display with an id can be updated later.</summary>
    public void Add(CellOutput output)
    {
        lock (_gate)
        {
            _current.Add(output);
            if (output is DisplayOutput { DisplayId: { } id } display)
                _displays[id] = display;
        }
    }

    /// <summary>Replaces the data of the display with <paramref name="displayId"/>; false when there is none.</summary>
    public bool Update(string displayId, IReadOnlyDictionary<string, string> data)
    {
        lock (_gate)
        {
            if (!_displays.TryGetValue(displayId, out var output))
                return false;
            output.Data = data;
            return true;
        }
    }
}
