using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using Lib.Tensors.Formatting;

namespace Lib.Display;

/// <summary>A named column of a <see cref="Table"/>: values of one type, nulls allowed.</summary>
public sealed record TableColumn(string Name, Type Type, IReadOnlyList<object?> Values);

/// <summary>
/// A small column-oriented table for showing data in notebooks: renders as an HTML table (shape and
/// first rows) and summarises itself with <see cref="Describe"/>. Build one from records with
/// <see cref="From{T}"/> (or <c>records.ToTable()</c>) or from columns.
/// </summary>
[TypeFormatterSource(typeof(TableFormatterSource))]
public sealed class Table
{
    /// <summary>Creates a table; every column must have the same number of values.</summary>
    public Table(IEnumerable<TableColumn> columns)
    {
        Columns = [.. columns];
        RowCount = Columns.Count == 0 ? 0 : Columns[0].Values.Count;
        foreach (var c in Columns)
            if (c.Values.Count != RowCount)
                throw new ArgumentException($"Column '{c.Name}' has {c.Values.Count} values but '{Columns[0].Name}' has {RowCount}.");
    }

    /// <summary>The columns in order.</summary>
    public IReadOnlyList<TableColumn> Columns { get; }

    /// <summary>The number of rows.</summary>
    public int RowCount { get; }

    /// <summary>How many rows the HTML view shows.</summary>
    public int DisplayRows { get; init; } = 20;

    /// <summary>The column called <paramref name="name"/>.</summary>
    public TableColumn this[string name] =>
        Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"No column '{name}'; the table has {string.Join(", ", Columns.Select(c => c.Name))}.");

    /// <summary>A table with a column per public property (or field) of <typeparamref name="T"/>.</summary>
    public static Table From<T>(IEnumerable<T> records)
    {
        var rows = records.ToList();
        var members = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (p.Name, p.PropertyType, Get: (Func<object?, object?>)p.GetValue))
            .Concat(typeof(T).GetFields(BindingFlags.Public | BindingFlags.Instance).Select(f => (f.Name, f.FieldType, Get: (Func<object?, object?>)f.GetValue)))
            .ToList();
        if (members.Count == 0 || IsScalar(typeof(T)))
            return new Table([new TableColumn("value", typeof(T), rows.Cast<object?>().ToList())]);
        return new Table(members.Select(m => new TableColumn(m.Name, m.Item2, rows.Select(r => m.Get(r)).ToList())));
    }

    /// <summary>The first <paramref name="rows"/> rows.</summary>
    public Table Head(int rows = 5) =>
        new(Columns.Select(c => c with { Values = c.Values.Take(rows).ToList() })) { DisplayRows = DisplayRows };

    /// <summary>
    /// Summary statistics per column (as pandas' <c>describe</c>): count and nulls for all; mean, std,
    /// min, quartiles and max for numbers; distinct values and the most frequent for the rest.
    /// </summary>
    public Table Describe()
    {
        var stats = new[] { "column", "type", "count", "nulls", "mean", "std", "min", "25%", "50%", "75%", "max", "unique", "top" };
        var rows = Columns.Select(DescribeColumn).ToList();
        return new Table(stats.Select((s, i) => new TableColumn(s, i < 2 || i == 12 ? typeof(string) : typeof(double), rows.Select(r => r[i]).ToList())));
    }

    private static object?[] DescribeColumn(TableColumn column)
    {
        var present = column.Values.Where(v => v is not null).ToList();
        var row = new object?[13];
        row[0] = column.Name;
        row[1] = FriendlyType(column.Type);
        row[2] = (double)present.Count;
        row[3] = (double)(column.Values.Count - present.Count);
        if (IsNumeric(column.Type) && present.Count > 0)
        {
            var values = present.Select(v => Convert.ToDouble(v, CultureInfo.InvariantCulture)).Where(double.IsFinite).OrderBy(v => v).ToArray();
            if (values.Length > 0)
            {
                double mean = values.Average();
                row[4] = mean;
                row[5] = values.Length > 1 ? Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Length - 1)) : double.NaN;
                row[6] = values[0];
                row[7] = Quantile(values, 0.25);
                row[8] = Quantile(values, 0.5);
                row[9] = Quantile(values, 0.75);
                row[10] = values[^1];
            }
        }
        else if (present.Count > 0)
        {
            var groups = present.GroupBy(v => Text(v)).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            row[11] = (double)groups.Count;
            row[12] = $"{groups[0].Key} ({groups[0].Count()})";
        }
        return row;
    }

    /// <summary>Linear interpolation between closest ranks (NumPy's default).</summary>
    private static double Quantile(double[] sorted, double q)
    {
        double pos = q * (sorted.Length - 1);
        int lo = (int)Math.Floor(pos);
        int hi = Math.Min(lo + 1, sorted.Length - 1);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    /// <summary>Plain-text rendering: a header and the first rows, aligned.</summary>
    public override string ToString()
    {
        int shown = Math.Min(RowCount, DisplayRows);
        var cells = Columns.Select(c => new[] { c.Name }.Concat(c.Values.Take(shown).Select(Text)).ToArray()).ToList();
        var widths = cells.Select(c => c.Max(s => s.Length)).ToList();
        var sb = new StringBuilder().Append(CultureInfo.InvariantCulture, $"Table: {RowCount:N0} rows x {Columns.Count} columns\n");
        for (int r = 0; r <= shown; r++)
        {
            for (int c = 0; c < cells.Count; c++) sb.Append(c == 0 ? "" : "  ").Append(cells[c][r].PadLeft(widths[c]));
            sb.Append('\n');
        }
        if (shown < RowCount) sb.Append(CultureInfo.InvariantCulture, $"... {RowCount - shown:N0} more rows\n");
        return sb.ToString().TrimEnd();
    }

    /// <summary>HTML rendering: shape, column types and the first rows.</summary>
    public string ToHtml()
    {
        int shown = Math.Min(RowCount, DisplayRows);
        var sb = new StringBuilder("<div class=\"lab-table\"><table style=\"border-collapse:collapse;font-size:.85rem\"><thead><tr><th></th>");
        foreach (var c in Columns)
            sb.Append("<th style=\"text-align:right;padding:.15rem .5rem;border-bottom:1px solid #999\">").Append(Html.Encode(c.Name))
              .Append("<br><span style=\"font-weight:normal;color:#777\">").Append(Html.Encode(FriendlyType(c.Type))).Append("</span></th>");
        sb.Append("</tr></thead><tbody>");
        for (int r = 0; r < shown; r++)
        {
            sb.Append(CultureInfo.InvariantCulture, $"<tr><td style=\"color:#777;padding:.15rem .5rem\">{r}</td>");
            foreach (var c in Columns)
            {
                var v = c.Values[r];
                sb.Append("<td style=\"text-align:right;padding:.15rem .5rem\">")
                  .Append(v is null ? "<span style=\"color:#aaa\">null</span>" : Html.Encode(Text(v))).Append("</td>");
            }
            sb.Append("</tr>");
        }
        sb.Append("</tbody></table><div style=\"color:#555;font-size:.8rem\">")
          .Append(CultureInfo.InvariantCulture, $"{RowCount:N0} rows × {Columns.Count} columns")
          .Append(shown < RowCount ? $", first {shown} shown" : "").Append("</div></div>");
        return sb.ToString();
    }

    internal static string Text(object? value) => value switch
    {
        null => "null",
        double d => d.ToString("G6", CultureInfo.InvariantCulture),
        float f => f.ToString("G6", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        IEnumerable e and not string => "[" + string.Join(", ", e.Cast<object?>().Take(8).Select(Text)) + "]",
        _ => value.ToString() ?? "",
    };

    private static bool IsNumeric(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(double) || t == typeof(float) || t == typeof(int) || t == typeof(long) || t == typeof(short)
            || t == typeof(byte) || t == typeof(decimal) || t == typeof(uint) || t == typeof(ulong) || t == typeof(Half);
    }

    private static bool IsScalar(Type type) => type.IsPrimitive || type == typeof(string) || type == typeof(decimal)
        || type == typeof(DateTime) || type == typeof(DateOnly);

    private static string FriendlyType(Type type) =>
        Nullable.GetUnderlyingType(type) is { } inner ? FriendlyType(inner) + "?" : type.Name.ToLowerInvariant() switch
        {
            "int32" => "int", "int64" => "long", "single" => "float", "double" => "double", "string" => "string", "boolean" => "bool",
            var other => other,
        };
}

/// <summary>Conversions to <see cref="Table"/>.</summary>
public static class TableExtensions
{
    /// <summary>A table with a column per public property of the records.</summary>
    public static Table ToTable<T>(this IEnumerable<T> records) => Table.From(records);
}

/// <summary>Renders <see cref="Table"/> in notebooks.</summary>
public sealed class TableFormatterSource
{
    /// <summary>The formatters, found by hosts through <see cref="TypeFormatterSourceAttribute"/>.</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new TypeFormatter<Table>("text/html", t => t.ToHtml()),
        new TypeFormatter<Table>("text/plain", t => t.ToString()),
    ];
}
