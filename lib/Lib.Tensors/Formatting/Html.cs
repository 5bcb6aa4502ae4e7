using System.Net;

namespace Lib.Tensors.Formatting;

/// <summary>Small helpers for building HTML fragments safely.</summary>
public static class Html
{
    /// <summary>HTML-encodes text for use in element content or attribute values.</summary>
    public static string Encode(string? text) => WebUtility.HtmlEncode(text ?? "");
}
