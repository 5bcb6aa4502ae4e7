using System.Globalization;
using System.Net;
using System.Text;
using Lib.Notebooks.Execution;
using Markdig;

namespace Lib.Notebooks.Reports;

/// <summary>
/// Writes an executed notebook as one HTML page: markdown rendered, code and outputs inline. Outputs
/// are embedded; a page with charts loads plotly.js once, from a file beside the reports (see
/// <see cref="RunCommand.Write"/>), so the page works offline and no output carries the bundle.
/// </summary>
public static class HtmlReportWriter
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;
          color:#1f2328;line-height:1.5}
        .meta{color:#59636e;font-size:.9rem;border-bottom:1px solid #d1d9e0;padding-bottom:.5rem;margin-bottom:1.5rem}
        .cell{margin:1rem 0}
        .code{display:flex;gap:.5rem}
        .prompt{color:#59636e;font-family:ui-monospace,monospace;font-size:.8rem;min-width:4.5rem;text-align:right;
          padding-top:.6rem}
        pre{margin:0;white-space:pre-wrap;word-break:break-word}
        .source{flex:1;background:#f6f8fa;border:1px solid #d1d9e0;border-radius:6px;padding:.5rem .75rem;
          font-size:.85rem;overflow-x:auto}
        .outputs{margin-left:5rem;overflow-x:auto}
        .output{margin:.4rem 0}
        .stream pre,.plain pre{font-size:.85rem}
        .stderr pre{color:#9a6700}
        .error pre{color:#d1242f;background:#fff0f0;border-left:3px solid #d1242f;padding:.5rem}
        .tag{font-size:.75rem;color:#59636e;margin-left:5rem}
        .failed .source{border-color:#d1242f}
        table{border-collapse:collapse}th,td{border:1px solid #d1d9e0;padding:.2rem .5rem}
        """;

    /// <summary>True when an output of the run is a plotly chart, whose page needs plotly.js.</summary>
    public static bool HasCharts(NotebookRun run) =>
        run
            .Cells.SelectMany(c => c.Outputs)
            .OfType<DisplayOutput>()
            .Any(d => d.Data.ContainsKey(ChartFormatting.PlotlyMimeType));

    /// <summary>The report as HTML text; <paramref name="plotlySource"/> is the address of plotly.js for a page with
    /// charts.</summary>
    public static string ToHtml(NotebookRun run, string title, string? plotlySource = null)
    {
        var sb = new StringBuilder();
        sb.Append(
                "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" "
                    + "content=\"width=device-width,initial-scale=1\">"
            )
            .Append("<title>")
            .Append(Encode(title))
            .Append("</title><style>")
            .Append(Style)
            .Append("</style>");
        if (plotlySource is not null && HasCharts(run))
            sb.Append("<script src=\"").Append(Encode(plotlySource)).Append("\" charset=\"utf-8\"></script>");
        sb.Append("</head><body>\n");
        sb.Append("<div class=\"meta\"><b>")
            .Append(Encode(title))
            .Append("</b> · ")
            .Append(run.Succeeded ? "ran to completion" : "<span style=\"color:#d1242f\">failed</span>")
            .Append(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $" in {run.Duration.TotalSeconds:0.0} s · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"
                )
            )
            .Append("</div>\n");
        foreach (var cell in run.Cells)
            AppendCell(sb, cell);
        return sb.Append("</body></html>\n").ToString();
    }

    private static void AppendCell(StringBuilder sb, CellRun cell)
    {
        if (cell.Cell.IsMarkdown)
        {
            sb.Append("<div class=\"cell markdown\">")
                .Append(Markdig.Markdown.ToHtml(cell.Cell.Source, Markdown))
                .Append("</div>\n");
            return;
        }
        string prompt = cell.ExecutionCount is int n ? $"[{n}]" : "[ ]";
        sb.Append("<div class=\"cell").Append(cell.Status == CellStatus.Failed ? " failed" : "").Append("\">");
        if (cell.IsInjectedParameters)
            sb.Append("<div class=\"tag\">injected parameters</div>");
        sb.Append("<div class=\"code\"><div class=\"prompt\">")
            .Append(prompt)
            .Append("</div><pre class=\"source\"><code>")
            .Append(Encode(cell.Cell.Source))
            .Append("</code></pre></div>");
        if (cell.Outputs.Count > 0)
        {
            sb.Append("<div class=\"outputs\">");
            foreach (var output in cell.Outputs)
                AppendOutput(sb, output);
            sb.Append("</div>");
        }
        sb.Append("</div>\n");
    }

    private static void AppendOutput(StringBuilder sb, CellOutput output)
    {
        switch (output)
        {
            case StreamOutput s:
                sb.Append("<div class=\"output stream ")
                    .Append(s.Name)
                    .Append("\"><pre>")
                    .Append(Encode(s.Text.ToString()))
                    .Append("</pre></div>");
                break;
            case DisplayOutput d when d.Data.TryGetValue("text/html", out var html):
                sb.Append("<div class=\"output html\">").Append(html).Append("</div>");
                break;
            case DisplayOutput d when d.Data.TryGetValue("text/markdown", out var markdown):
                sb.Append("<div class=\"output markdown\">")
                    .Append(Markdig.Markdown.ToHtml(markdown, Markdown))
                    .Append("</div>");
                break;
            case DisplayOutput d when d.Data.TryGetValue("image/png", out var png):
                sb.Append("<div class=\"output image\"><img src=\"data:image/png;base64,")
                    .Append(png.Trim())
                    .Append("\"></div>");
                break;
            case DisplayOutput d when d.Data.TryGetValue("image/svg+xml", out var svg):
                sb.Append("<div class=\"output image\">").Append(svg).Append("</div>");
                break;
            case DisplayOutput d:
                sb.Append("<div class=\"output plain\"><pre>")
                    .Append(Encode(d.Data.GetValueOrDefault("text/plain", "")))
                    .Append("</pre></div>");
                break;
            case ErrorOutput e:
                sb.Append("<div class=\"output error\"><pre>")
                    .Append(Encode(string.Join('\n', e.Traceback.DefaultIfEmpty($"{e.Name}: {e.Value}"))))
                    .Append("</pre></div>");
                break;
        }
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
