using Lib.Tensors.IO;
using System.Text;
using Lib.Platform;

namespace Lib.Charts;

/// <summary>
/// Embeds plotly.js (from the npm package, so charts work offline) into HTML. The bundle is
/// included once per page: a host that renders several notebooks in one process names the current
/// page through <see cref="AppContext"/> data <c>lab.display.page</c>; without it the page is the process.
/// </summary>
public static class PlotlyPage
{
    /// <summary>The <see cref="AppContext"/> data key a host sets to a new value for every page it starts.</summary>
    public const string PageKey = "lab.display.page";

    private static readonly Lock Gate = new();
    private static string? _bundle;
    private static object? _pageWithBundle = new(); // no page id equals a fresh object: the first chart carries the bundle
    private static int _next;

    /// <summary>The plotly.js bundle's source.</summary>
    public static string Bundle
    {
        get
        {
            lock (Gate) return _bundle ??= File.ReadAllText(NativeTools.Locate(NativeTool.PlotlyJs));
        }
    }

    /// <summary>A script element holding the bundle, marked so hosts can recognise it.</summary>
    public static string BundleScript() =>
        "<script data-lab-bundle=\"plotly\">if(!window.Plotly){" + Bundle + "\n}</script>";

    /// <summary>An HTML fragment drawing <paramref name="figureJson"/>, with the bundle when this page has not had it.</summary>
    public static string Fragment(string figureJson)
    {
        string id = "lab-chart-" + Interlocked.Increment(ref _next);
        bool includeBundle;
        lock (Gate)
        {
            var page = AppContext.GetData(PageKey);
            includeBundle = !Equals(page, _pageWithBundle);
            if (includeBundle) _pageWithBundle = page;
        }
        return (includeBundle ? BundleScript() : "") + Drawing(figureJson, id);
    }

    private static string Drawing(string figureJson, string? id = null)
    {
        id ??= "lab-chart-" + Interlocked.Increment(ref _next);
        var sb = new StringBuilder();
        sb.Append("<div id=\"").Append(id).Append("\" class=\"lab-chart\"></div>")
          .Append("<script>(function(){var f=").Append(figureJson.Replace("</", "<\\/"))
          .Append(";function draw(){Plotly.newPlot('").Append(id)
          .Append("',f.data,f.layout,{responsive:true,displaylogo:false});}")
          .Append("if(window.Plotly){draw();}else{var t=setInterval(function(){if(window.Plotly){clearInterval(t);draw();}},50);}})();</script>");
        return sb.ToString();
    }

    /// <summary>A standalone page with one figure (the bundle in the head); <paramref name="width"/>/<paramref name="height"/> fix the chart size.</summary>
    public static string Page(string title, string figureJson, int? width = null, int? height = null)
    {
        var style = width is null ? "" : $"<style>body{{margin:0}}.lab-chart{{width:{width}px;height:{height}px}}</style>";
        return new StringBuilder()
            .Append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
            .Append(Lib.Tensors.Formatting.Html.Encode(title)).Append("</title>").Append(style)
            .Append(BundleScript()).Append("</head><body>")
            .Append(Drawing(figureJson))
            .Append("</body></html>").ToString();
    }

    /// <summary>Writes a standalone page with one figure, atomically.</summary>
    public static void Save(string path, string title, string figureJson) =>
        AtomicFile.WriteAllText(path, Page(title, figureJson));
}
