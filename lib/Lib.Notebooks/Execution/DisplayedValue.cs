namespace Lib.Notebooks.Execution;

/// <summary>A value shown by <c>display(...)</c>; <see cref="Update"/> replaces what is shown (live progress).</summary>
public sealed class DisplayedValue
{
    private readonly OutputContext _context;
    private readonly string[] _mimeTypes;

    internal DisplayedValue(OutputContext context, string displayId, string[] mimeTypes)
    {
        _context = context;
        DisplayId = displayId;
        _mimeTypes = mimeTypes;
    }

    /// <summary>The id that ties updates to the shown output.</summary>
    public string DisplayId { get; }

    /// <summary>Replaces the shown value with <paramref name="updatedValue"/>, wherever it was shown.</summary>
    public void Update(object? updatedValue) =>
        _context.Update(DisplayId, ValueFormatter.Format(updatedValue, _mimeTypes));
}
