using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Reflection;
using System.Text;

namespace Lib.Notebooks.Execution;

/// <summary>
/// Turns values into MIME bundles the way Polyglot Notebooks does: through the formatter source a
/// type names with an attribute called <c>TypeFormatterSourceAttribute</c> (matched by name, so any
/// library can declare its own), else built-in rules for HTML, strings, collections and objects.
/// </summary>
public static class ValueFormatter
{
    private const int CollectionLimit = 20;
    private static readonly ConcurrentDictionary<Type, IReadOnlyList<ConventionFormatter>> Sources = new();

    /// <summary>Formats <paramref name="value"/>; when <paramref name="mimeTypes"/> is not empty, only those types are produced.</summary>
    public static IReadOnlyDictionary<string, string> Format(object? value, params string[] mimeTypes)
    {
        var all = FormatAll(value);
        if (mimeTypes.Length == 0) return all;
        var chosen = new Dictionary<string, string>();
        foreach (var mime in mimeTypes)
        {
            if (all.TryGetValue(mime, out var content)) chosen[mime] = content;
            else if (mime == "text/plain") chosen[mime] = PlainText(value);
            else if (mime == "text/html") chosen[mime] = "<pre>" + WebUtility.HtmlEncode(PlainText(value)) + "</pre>";
        }
        return chosen.Count > 0 ? chosen : all;
    }

    private static Dictionary<string, string> FormatAll(object? value)
    {
        switch (value)
        {
            case null: return new() { ["text/plain"] = "<null>" };
            case HtmlString html: return new() { ["text/html"] = html.Value };
            case string s: return new() { ["text/plain"] = s };
        }

        var formatters = Sources.GetOrAdd(value.GetType(), ConventionFormatters);
        if (formatters.Count > 0)
        {
            var bundle = new Dictionary<string, string>();
            foreach (var f in formatters)
                if (!bundle.ContainsKey(f.MimeType) && f.TryFormat(value, out var text)) bundle[f.MimeType] = text;
            if (bundle.Count > 0)
            {
                bundle.TryAdd("text/plain", PlainText(value));
                return bundle;
            }
        }

        if (value is IEnumerable items and not IDictionary && !IsScalar(value.GetType()))
            return new() { ["text/plain"] = CollectionText(value.GetType(), items) };
        return new() { ["text/plain"] = PlainText(value) };
    }

    private static string PlainText(object? value) => value switch
    {
        null => "<null>",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable items and not string => CollectionText(value.GetType(), items),
        _ => value.ToString() ?? "",
    };

    private static string CollectionText(Type type, IEnumerable items)
    {
        var sb = new StringBuilder();
        int count = 0;
        foreach (var item in items)
        {
            if (count == CollectionLimit) { sb.Append(", ..."); count++; break; }
            if (count > 0) sb.Append(", ");
            sb.Append(PlainText(item));
            count++;
        }
        string counted = items is ICollection c ? $" ({c.Count})" : "";
        return $"{FriendlyName(type)}{counted} [{sb}]";
    }

    private static string FriendlyName(Type type)
    {
        if (type.IsArray) return FriendlyName(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(FriendlyName))}>";
    }

    private static bool IsScalar(Type type) => type.IsPrimitive || type == typeof(string) || type == typeof(decimal);

    private static IReadOnlyList<ConventionFormatter> ConventionFormatters(Type type)
    {
        var result = new List<ConventionFormatter>();
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var attribute in t.GetCustomAttributes(inherit: false))
            {
                var attributeType = attribute.GetType();
                if (attributeType.Name != "TypeFormatterSourceAttribute") continue;
                if (attributeType.GetProperty("FormatterSourceType")?.GetValue(attribute) is not Type sourceType) continue;
                var preferred = attributeType.GetProperty("PreferredMimeTypes")?.GetValue(attribute) as string[] ?? [];
                var formatters = CreateFormatters(sourceType);
                result.AddRange(formatters.OrderBy(f => Array.IndexOf(preferred, f.MimeType) is var i && i < 0 ? int.MaxValue : i));
            }
            if (result.Count > 0) break;
        }
        return result;
    }

    private static IEnumerable<ConventionFormatter> CreateFormatters(Type sourceType)
    {
        var create = sourceType.GetMethod("CreateTypeFormatters", BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static, Type.EmptyTypes)
            ?? throw new InvalidOperationException($"{sourceType.FullName} has no public CreateTypeFormatters() method.");
        var source = create.IsStatic ? null : Activator.CreateInstance(sourceType);
        if (create.Invoke(source, null) is not IEnumerable formatters) yield break;
        foreach (var formatter in formatters)
        {
            if (formatter is null) continue;
            var ft = formatter.GetType();
            var mime = ft.GetProperty("MimeType")?.GetValue(formatter) as string;
            var format = ft.GetMethod("Format", [typeof(object), typeof(TextWriter)]);
            if (mime is null || format is null) continue;
            yield return new ConventionFormatter(mime, formatter, format);
        }
    }

    private sealed record ConventionFormatter(string MimeType, object Formatter, MethodInfo FormatMethod)
    {
        public bool TryFormat(object value, out string text)
        {
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            object? handled;
            try { handled = FormatMethod.Invoke(Formatter, [value, writer]); }
            catch (TargetInvocationException e) when (e.InnerException is not null)
            {
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
                throw;
            }
            text = writer.ToString();
            return handled is not false;
        }
    }
}
