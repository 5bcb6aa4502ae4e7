using Lib.Notebooks.Execution;

namespace Lib.Notebooks.Tests;

// A library of its own: the runner must find formatters by the attribute's name, not its assembly.
[AttributeUsage(AttributeTargets.Class)]
internal sealed class TypeFormatterSourceAttribute(Type formatterSourceType) : Attribute
{
    public Type FormatterSourceType { get; } = formatterSourceType;
    public string[]? PreferredMimeTypes { get; set; }
}

[TypeFormatterSource(typeof(PointFormatters), PreferredMimeTypes = ["text/html"])]
internal sealed record Point(int X, int Y);

internal sealed class PointFormatters
{
    public IEnumerable<object> CreateTypeFormatters() => [new PointHtml()];

    private sealed class PointHtml
    {
        public string MimeType => "text/html";
        public bool Format(object instance, TextWriter writer)
        {
            var p = (Point)instance;
            writer.Write($"<i>({p.X}, {p.Y})</i>");
            return true;
        }
    }
}

public class ValueFormatterTests
{
    [Fact]
    public void Convention_formatters_are_found_by_attribute_name_with_plain_text_alongside()
    {
        var data = ValueFormatter.Format(new Point(1, 2));
        Assert.Equal("<i>(1, 2)</i>", data["text/html"]);
        Assert.Equal("Point { X = 1, Y = 2 }", data["text/plain"]);
    }

    [Fact]
    public void Html_strings_render_as_html_and_plain_values_as_text()
    {
        Assert.Equal("<p>x</p>", ValueFormatter.Format(new HtmlString("<p>x</p>"))["text/html"]);
        Assert.Equal("2.5", ValueFormatter.Format(2.5)["text/plain"]);
        Assert.Equal("<null>", ValueFormatter.Format(null)["text/plain"]);
    }

    [Fact]
    public void Long_collections_are_cut_short()
    {
        var text = ValueFormatter.Format(Enumerable.Range(0, 100).ToList())["text/plain"];
        Assert.StartsWith("List<Int32> (100) [0, 1, 2", text);
        Assert.EndsWith(", 19, ...]", text);
    }

    [Fact]
    public void Updating_a_display_that_carried_a_page_bundle_keeps_the_bundle()
    {
        var bundle = "<script data-lab-bundle=\"plotly\">if(!window.Plotly){}</script>";
        var updated = PageResources.CarryOver(
            new Dictionary<string, string> { ["text/html"] = bundle + "<div>old</div>" },
            new Dictionary<string, string> { ["text/html"] = "<div>new</div>", ["text/plain"] = "new" });
        Assert.Equal(bundle + "<div>new</div>", updated["text/html"]);
        Assert.Equal("new", updated["text/plain"]);
    }
}
