namespace Lib.Tensors.Formatting;

/// <summary>A convention-shaped formatter: renders values of <typeparamref name="T"/> as one MIME type.</summary>
public sealed class TypeFormatter<T>(string mimeType, Func<T, string> format)
{
    /// <summary>The MIME type this formatter writes, such as <c>text/html</c>.</summary>
    public string MimeType { get; } = mimeType;

    /// <summary>The type this formatter renders.</summary>
    public Type Type => typeof(T);

    /// <summary>Writes <paramref name="instance"/>; false when it is not a <typeparamref name="T"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        if (instance is not T value)
            return false;
        writer.Write(format(value));
        return true;
    }
}
