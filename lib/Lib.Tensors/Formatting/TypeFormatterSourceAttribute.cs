namespace Lib.Tensors.Formatting;

/// <summary>
/// Names the formatter source that renders a type in notebooks. Hosts find this attribute by its
/// name, not its assembly (the convention Polyglot Notebooks honours, and the lab's headless runner
/// too), so library types render in both without referencing either host.
/// </summary>
/// <remarks>
/// The source type has a parameterless constructor and a method
/// <c>IEnumerable&lt;object&gt; CreateTypeFormatters()</c>; each formatter exposes
/// <c>string MimeType</c>, <c>Type Type</c> and <c>bool Format(object instance, TextWriter writer)</c>.
/// <see cref="TypeFormatter{T}"/> is such a formatter.
/// </remarks>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = true, Inherited = true)]
public sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    /// <summary>The type whose <c>CreateTypeFormatters()</c> yields the formatters.</summary>
    public Type FormatterSourceType { get; } = formatterSourceType;

    /// <summary>MIME types the host should prefer for this type, most preferred first.</summary>
    public string[]? PreferredMimeTypes { get; set; }
}
