using System.Globalization;
using System.Text;
using Lib.Tensors.Formatting;
using Microsoft.Data.Analysis;

namespace Lib.Display;

/// <summary>
/// How a <see cref="DataFrame"/> (Microsoft.Data.Analysis, the table type the library hands to
/// notebooks) is shown: an HTML table with each column's type under its name, the first rows, and a
/// count line; or the same as aligned text. DataFrame is not the lab's type, so notebooks register
/// it once (<c>_setup.dib</c>: <c>Formatter.Register&lt;DataFrame&gt;(…, "text/html")</c>).
/// </summary>
public static class DataFrameView
{
    /// <summary>The number of rows shown unless asked otherwise.</summary>
    public const int DefaultRows = 20;

    /// <summary>The frame as an HTML table of its first <paramref name="rows"/> rows.</summary>
    public static string ToHtml(DataFrame frame, int rows = DefaultRows)
    {
        long shown = Math.Min(frame.Rows.Count, rows);
        var sb = new StringBuilder(
            "<div class=\"lab-table\"><table style=\"border-collapse:collapse;font-size:.85rem\"><thead><tr><th></th>"
        );
        foreach (var c in frame.Columns)
            sb.Append("<th style=\"text-align:right;padding:.15rem .5rem;border-bottom:1px solid #999\">")
                .Append(Html.Encode(c.Name))
                .Append("<br><span style=\"font-weight:normal;color:#777\">")
                .Append(Html.Encode(TypeName(c.DataType)))
                .Append("</span></th>");
        sb.Append("</tr></thead><tbody>");
        for (long r = 0; r < shown; r++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"color:#777;padding:.15rem .5rem\">{r}</td>");
            foreach (var c in frame.Columns)
            {
                var v = c[r];
                sb.Append("<td style=\"text-align:right;padding:.15rem .5rem\">")
                    .Append(v is null ? "<span style=\"color:#aaa\">null</span>" : Html.Encode(Text(v)))
                    .Append("</td>");
            }
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table><div style=\"color:#555;font-size:.8rem\">")
            .Append(Count(frame, shown))
            .Append("</div></div>")
            .ToString();
    }

    /// <summary>The frame as aligned text: a count line, a header and the first <paramref name="rows"/> rows.</summary>
    public static string ToText(DataFrame frame, int rows = DefaultRows)
    {
        long shown = Math.Min(frame.Rows.Count, rows);
        var cells = frame
            .Columns.Select(c =>
                new[] { c.Name }
                    .Concat(Enumerable.Range(0, (int)shown).Select(r => c[r] is { } v ? Text(v) : "null"))
                    .ToArray()
            )
            .ToList();
        var widths = cells.Select(c => c.Max(s => s.Length)).ToList();
        var sb = new StringBuilder(Count(frame, shown)).Append('\n');
        for (int r = 0; r <= shown; r++)
        {
            for (int c = 0; c < cells.Count; c++)
                sb.Append(c == 0 ? "" : "  ").Append(cells[c][r].PadLeft(widths[c]));
            sb.Append('\n');
        }
        return sb.ToString().TrimEnd();
    }

    private static string Count(DataFrame frame, long shown) =>
        string.Create(CultureInfo.InvariantCulture, $"{frame.Rows.Count:N0} rows × {frame.Columns.Count} columns")
        + (shown < frame.Rows.Count ? $", first {shown} shown" : "");

    /// <summary>A value as the tables print it: numbers short and invariant, dates as ISO dates.</summary>
    public static string Text(object value) =>
        value switch
        {
            double d => d.ToString("G6", CultureInfo.InvariantCulture),
            float f => f.ToString("G6", CultureInfo.InvariantCulture),
            DateTime t => t.TimeOfDay == TimeSpan.Zero
                ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
                : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };

    private static string TypeName(Type type) =>
        type.Name switch
        {
            "Int32" => "int",
            "Int64" => "long",
            "Single" => "float",
            "Double" => "double",
            "String" => "string",
            "Boolean" => "bool",
            "DateTime" => "datetime",
            var other => other.ToLowerInvariant(),
        };
}
