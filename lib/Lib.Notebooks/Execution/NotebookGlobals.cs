namespace Lib.Notebooks.Execution;

/// <summary>
/// The globals C# cells see, named as in Polyglot Notebooks so that cells run unchanged in both:
/// <c>display(value)</c> with a handle to update it, and <c>HTML(markup)</c>.
/// </summary>
public class NotebookGlobals
{
    internal NotebookGlobals(OutputContext outputs) => Outputs = outputs;

    internal OutputContext Outputs { get; }

    /// <summary>Shows <paramref name="value"/> now (optionally only as <paramref name="mimeTypes"/>); the handle's <c>Update</c> replaces it.</summary>
#pragma warning disable IDE1006 // lower-case names match Polyglot's globals
    public DisplayedValue display(object? value, params string[] mimeTypes) =>
        Outputs.Display(ValueFormatter.Format(value, mimeTypes), mimeTypes);

    /// <summary>Markup to be shown as HTML.</summary>
    public HtmlString HTML(string content) => new(content);
#pragma warning restore IDE1006
}
