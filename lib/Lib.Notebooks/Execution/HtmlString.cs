namespace Lib.Notebooks.Execution;

/// <summary>Markup to show as HTML, made by the <c>HTML(...)</c> global.</summary>
public sealed record HtmlString(string Value)
{
    /// <inheritdoc />
    public override string ToString() => Value;
}
