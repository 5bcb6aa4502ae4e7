using Lib.Display;

namespace Lib.Tests.Display;

public class TableTests
{
    private sealed record Mark(string Athlete, string Event, double Seconds, int? Place);

    private static readonly Mark[] Marks =
    [
        new("Ann", "100m", 11.9, 1), new("Bea", "100m", 12.4, 2), new("Cal", "200m", 24.8, null),
        new("Dee", "200m", 25.6, 3), new("Eve", "100m", 12.1, 4),
    ];

    [Fact]
    public void Records_become_typed_columns_and_render_as_html()
    {
        var table = Marks.ToTable();
        Assert.Equal(["Athlete", "Event", "Seconds", "Place"], table.Columns.Select(c => c.Name));
        Assert.Equal(5, table.RowCount);
        var html = new Table(table.Columns) { DisplayRows = 2 }.ToHtml();
        Assert.Contains("<th style=\"text-align:right;padding:.15rem .5rem;border-bottom:1px solid #999\">Seconds<br><span style=\"font-weight:normal;color:#777\">double</span></th>", html);
        Assert.Contains("5 rows × 4 columns, first 2 shown", html);
        Assert.DoesNotContain("Cal", html);
        Assert.Contains("null", Marks.ToTable().ToHtml());
    }

    [Fact]
    public void Describe_summarises_numbers_and_text_like_pandas()
    {
        var d = Marks.ToTable().Describe();
        Assert.Equal(4, d.RowCount);
        int seconds = d["column"].Values.ToList().IndexOf("Seconds");
        Assert.Equal(5.0, d["count"].Values[seconds]);
        Assert.Equal(17.36, (double)d["mean"].Values[seconds]!, 6);
        Assert.Equal(12.4, (double)d["50%"].Values[seconds]!, 6);
        Assert.Equal(24.8, (double)d["75%"].Values[seconds]!, 6);
        int place = d["column"].Values.ToList().IndexOf("Place");
        Assert.Equal(1.0, d["nulls"].Values[place]);
        Assert.Equal(2.5, (double)d["mean"].Values[place]!, 6);
        int evt = d["column"].Values.ToList().IndexOf("Event");
        Assert.Equal(2.0, d["unique"].Values[evt]);
        Assert.Equal("100m (3)", d["top"].Values[evt]);
    }

    [Fact]
    public void Plain_text_is_aligned_and_columns_must_agree_in_length()
    {
        var text = Marks.ToTable().Head(2).ToString();
        Assert.StartsWith("Table: 2 rows x 4 columns", text);
        Assert.Contains("Athlete  Event  Seconds  Place", text);
        Assert.Throws<ArgumentException>(() => new Table([new TableColumn("a", typeof(int), [1, 2]), new TableColumn("b", typeof(int), [1])]));
        Assert.Throws<KeyNotFoundException>(() => Marks.ToTable()["Missing"]);
        Assert.Equal(["value"], new[] { 1, 2, 3 }.ToTable().Columns.Select(c => c.Name));
    }
}
