using Lib.Display;
using Lib.Storage;
using Microsoft.Data.Analysis;

namespace Lib.Tests.Display;

public class DataFrameViewTests
{
    private static DataFrame Marks() => new(
        new StringDataFrameColumn("Athlete", ["Ana", "Bo", "Cy"]),
        new PrimitiveDataFrameColumn<double>("Seconds", [10.31, null, 11.5]),
        new PrimitiveDataFrameColumn<int>("Place", [1, 2, 3]),
        new PrimitiveDataFrameColumn<DateTime>("Date", [new DateTime(2024, 5, 18), new DateTime(2024, 5, 19), new DateTime(2024, 5, 19, 14, 30, 0)]));

    [Fact]
    public void Html_has_types_under_the_headers_the_first_rows_nulls_and_a_count_line()
    {
        var html = DataFrameView.ToHtml(Marks(), rows: 2);
        Assert.Contains("Seconds<br><span style=\"font-weight:normal;color:#777\">double</span>", html);
        Assert.Contains("Place<br><span style=\"font-weight:normal;color:#777\">int</span>", html);
        Assert.Contains("<td style=\"text-align:right;padding:.15rem .5rem\">10.31</td>", html);
        Assert.Contains("<span style=\"color:#aaa\">null</span>", html);
        Assert.DoesNotContain("Cy", html);
        Assert.Contains("3 rows × 4 columns, first 2 shown", html);
    }

    [Fact]
    public void Text_is_aligned_with_iso_dates_and_the_count_first()
    {
        var text = DataFrameView.ToText(Marks());
        var lines = text.Split('\n');
        Assert.Equal("3 rows × 4 columns", lines[0]);
        Assert.Contains("2024-05-18", lines[2]);
        Assert.Contains("2024-05-19 14:30:00", lines[4]);
        Assert.Equal(lines[1].Length, lines[2].Length);
        Assert.Contains("null", lines[3]);
    }

    [Fact]
    public void Values_are_encoded_in_html()
    {
        var frame = new DataFrame(new StringDataFrameColumn("name", ["<b>x</b> & y"]));
        Assert.Contains("&lt;b&gt;x&lt;/b&gt; &amp; y", DataFrameView.ToHtml(frame));
    }

    private sealed record Mark(string Athlete, double Seconds, int? Place, DateOnly Date);

    [Fact]
    public void Records_become_typed_columns_with_nulls_and_anonymous_types_too()
    {
        var frame = new[] { new Mark("Ann", 11.9, 1, new DateOnly(2024, 5, 18)), new Mark("Cal", 24.8, null, new DateOnly(2024, 6, 1)) }.ToDataFrame();
        Assert.Equal(["Athlete", "Seconds", "Place", "Date"], frame.Columns.Select(c => c.Name));
        Assert.Equal([typeof(string), typeof(double), typeof(int), typeof(DateTime)], frame.Columns.Select(c => c.DataType));
        Assert.Null(frame.Columns["Place"][1]);
        Assert.Equal(new DateTime(2024, 6, 1), frame.Columns["Date"][1]);

        var anonymous = new[] { new { board = "MOON2016", routes = 3 } }.ToDataFrame();
        Assert.Equal(["board", "routes"], anonymous.Columns.Select(c => c.Name));
        Assert.Equal(["value"], new[] { 1, 2, 3 }.ToDataFrame().Columns.Select(c => c.Name));
    }
}
