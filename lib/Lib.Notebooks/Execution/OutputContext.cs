using System.Text;

namespace Lib.Notebooks.Execution;

/// <summary>
/// Where a running notebook's outputs go: the current cell's output list, plus every displayed
/// value by id so that an <c>Update</c> from a later cell replaces it where it was first shown.
/// Thread-safe: cells may write from background tasks.
/// </summary>
internal sealed class OutputContext
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, DisplayOutput> _displays = [];
    private List<CellOutput> _current = [];
    private int _nextId;

    /// <summary>Called after an output is added or updated (for live progress in the terminal).</summary>
    public Action<CellOutput>? Changed { get; set; }

    /// <summary>Directs later outputs to <paramref name="outputs"/>.</summary>
    public void SetCurrent(List<CellOutput> outputs)
    {
        lock (_gate) _current = outputs;
    }

    /// <summary>Appends text to the current cell's stream, merging with the previous chunk of the same stream.</summary>
    public void Write(string stream, string text)
    {
        if (text.Length == 0) return;
        StreamOutput target;
        lock (_gate)
        {
            if (_current.Count > 0 && _current[^1] is StreamOutput last && last.Name == stream) target = last;
            else { target = new StreamOutput(stream); _current.Add(target); }
            target.Text.Append(text);
        }
        Changed?.Invoke(target);
    }

    /// <summary>Adds a displayed value and returns its handle.</summary>
    public DisplayedValue Display(IReadOnlyDictionary<string, string> data, string[] mimeTypes)
    {
        DisplayOutput output;
        lock (_gate)
        {
            var id = $"display-{++_nextId}";
            output = new DisplayOutput(data, id, isResult: false);
            _displays[id] = output;
            _current.Add(output);
        }
        Changed?.Invoke(output);
        return new DisplayedValue(this, output.DisplayId!, mimeTypes);
    }

    /// <summary>Adds a trailing expression's value or an error.</summary>
    public void Add(CellOutput output)
    {
        lock (_gate) _current.Add(output);
        Changed?.Invoke(output);
    }

    /// <summary>Replaces the data of the display with <paramref name="displayId"/>.</summary>
    public void Update(string displayId, IReadOnlyDictionary<string, string> data)
    {
        DisplayOutput output;
        lock (_gate)
        {
            if (!_displays.TryGetValue(displayId, out output!)) return;
            output.Data = PageResources.CarryOver(output.Data, data);
        }
        Changed?.Invoke(output);
    }

    /// <summary>A writer that sends <see cref="Console"/> output to <paramref name="stream"/>.</summary>
    public TextWriter Writer(string stream) => new ContextWriter(this, stream);

    private sealed class ContextWriter(OutputContext context, string stream) : TextWriter
    {
        public override Encoding Encoding => Encoding.UTF8;
        public override void Write(char value) => context.Write(stream, value.ToString());
        public override void Write(string? value) => context.Write(stream, value ?? "");
        public override void Write(char[] buffer, int index, int count) => context.Write(stream, new string(buffer, index, count));
        public override void WriteLine(string? value) => context.Write(stream, (value ?? "") + "\n");
    }
}
