using Lib.Track.Domain;

namespace Lib.Tests.Track;

public class MarkTests
{
    [Theory]
    [InlineData("10.31", 10.31)]
    [InlineData("9.94", 9.94)]
    [InlineData("1:52.34", 112.34)]
    [InlineData("28:31.90", 1711.90)]
    [InlineData("25:33.0", 1533.0)]
    [InlineData("1:04:12.3", 3852.3)]
    [InlineData("  2:59.03 ", 179.03)]
    public void Times_are_seconds(string text, double seconds)
    {
        var mark = Mark.Parse(text, MarkUnit.Seconds);
        Assert.True(mark.IsValid);
        Assert.Equal(seconds, mark.Value!.Value, 9);
        Assert.Equal(text.Trim(), mark.Text);
        Assert.Equal(MarkFlags.None, mark.Flags);
    }

    [Theory]
    [InlineData("7.45m", 7.45)]
    [InlineData("2.29m", 2.29)]
    [InlineData("66.59m", 66.59)]
    [InlineData("24' 5.25\"", 7.44855)]
    [InlineData("7' 6\"", 2.286)]
    [InlineData("218'", 66.4464)]
    public void Distances_are_metres(string text, double metres)
    {
        var mark = Mark.Parse(text, MarkUnit.Metres);
        Assert.Equal(metres, mark.Value!.Value, 6);
    }

    [Fact]
    public void Points_are_whole_numbers()
    {
        Assert.Equal(6219, Mark.Parse("6219", MarkUnit.Points).Value);
        Assert.False(Mark.TryParse("6219.5", MarkUnit.Points, out _, out var error));
        Assert.Contains("whole number of points", error);
    }

    [Theory]
    [InlineData("10.03 @", 10.03, MarkFlags.Converted)]
    [InlineData("22.88w", 22.88, MarkFlags.WindAided)]
    [InlineData("11.08W", 11.08, MarkFlags.WindAided)]
    [InlineData("9.9h", 9.9, MarkFlags.HandTimed)]
    [InlineData("26:11.9H", 1571.9, MarkFlags.HandTimed)]
    [InlineData("1:02.31 @", 62.31, MarkFlags.Converted)]
    public void Flags_are_read_and_kept_in_the_text(string text, double seconds, MarkFlags flags)
    {
        var mark = Mark.Parse(text, MarkUnit.Seconds);
        Assert.Equal(seconds, mark.Value!.Value, 9);
        Assert.Equal(flags, mark.Flags);
        Assert.Equal(text, mark.Text);
    }

    [Fact]
    public void A_wind_aided_jump_carries_its_flag_after_the_unit()
    {
        var mark = Mark.Parse("5.65mw", MarkUnit.Metres);
        Assert.Equal(5.65, mark.Value!.Value, 9);
        Assert.Equal(MarkFlags.WindAided, mark.Flags);
    }

    [Theory]
    [InlineData("DNF", MarkStatus.DidNotFinish)]
    [InlineData("DNS", MarkStatus.DidNotStart)]
    [InlineData("DQ", MarkStatus.Disqualified)]
    [InlineData("NH", MarkStatus.NoHeight)]
    [InlineData("NM", MarkStatus.NoMark)]
    [InlineData("FOUL", MarkStatus.Foul)]
    [InlineData("FS", MarkStatus.FalseStart)]
    [InlineData("SCR", MarkStatus.Scratched)]
    [InlineData("NT", MarkStatus.NoTime)]
    [InlineData("ND", MarkStatus.NoDistance)]
    [InlineData("dnf", MarkStatus.DidNotFinish)]
    public void Non_marks_have_a_status_and_no_value(string text, MarkStatus status)
    {
        foreach (var unit in Enum.GetValues<MarkUnit>())
        {
            var mark = Mark.Parse(text, unit);
            Assert.Equal(status, mark.Status);
            Assert.Null(mark.Value);
            Assert.False(mark.IsValid);
        }
        Assert.Equal(text.ToUpperInvariant(), status.Code());
    }

    [Theory]
    [InlineData("", MarkUnit.Seconds, "blank")]
    [InlineData("7.45m", MarkUnit.Seconds, "expected a time")]
    [InlineData("10.31", MarkUnit.Metres, "expected metres")]
    [InlineData("1:75.00", MarkUnit.Seconds, "two digits below 60")]
    [InlineData("1:5.00", MarkUnit.Seconds, "two digits below 60")]
    [InlineData("10.31ww", MarkUnit.Seconds, "twice")]
    [InlineData("10.31 @ @", MarkUnit.Seconds, "the marker '@' twice")]
    [InlineData("10.31)", MarkUnit.Seconds, "without its '('")]
    [InlineData("10(.3)1", MarkUnit.Seconds, "parenthesis inside")]
    [InlineData("@", MarkUnit.Seconds, "markers but no mark")]
    [InlineData("(F)", MarkUnit.Seconds, "markers but no mark")]
    [InlineData("10.31m", MarkUnit.Seconds, "expected a time")]
    [InlineData("Enr", MarkUnit.Seconds, "expected a time")]
    [InlineData("ENR @", MarkUnit.Seconds, "expected a time")]
    [InlineData("24' 13\"", MarkUnit.Metres, "not below 12")]
    [InlineData("0.00", MarkUnit.Seconds, "outside")]
    [InlineData("212.00m", MarkUnit.Metres, "outside")]
    public void What_is_not_a_mark_is_refused_with_the_reason(string text, MarkUnit unit, string reason)
    {
        Assert.False(Mark.TryParse(text, unit, out _, out var error));
        Assert.Contains(reason, error);
        var e = Assert.Throws<FormatException>(() => Mark.Parse(text, unit));
        Assert.Equal(error, e.Message);
    }

    [Theory]
    [InlineData(10.31, MarkUnit.Seconds, 2, "10.31")]
    [InlineData(112.34, MarkUnit.Seconds, 2, "1:52.34")]
    [InlineData(1711.9, MarkUnit.Seconds, 2, "28:31.90")]
    [InlineData(1533.04, MarkUnit.Seconds, 1, "25:33.0")]
    [InlineData(3852.3, MarkUnit.Seconds, 1, "1:04:12.3")]
    [InlineData(59.999, MarkUnit.Seconds, 2, "1:00.00")]
    [InlineData(7.45, MarkUnit.Metres, 2, "7.45m")]
    [InlineData(6219, MarkUnit.Points, 0, "6219")]
    public void Values_print_the_way_TFRRS_prints_them(double value, MarkUnit unit, int decimals, string text)
    {
        Assert.Equal(text, Mark.Format(value, unit, decimals));
        Assert.Equal(text, Mark.Of(value, unit, decimals).Text);
    }

    [Theory]
    [InlineData(2.286, "7' 6\"")]
    [InlineData(2.27, "7' 5.25\"")]
    [InlineData(7.44855, "24' 5.25\"")]
    [InlineData(5.33, "17' 5.75\"")]
    public void Imperial_marks_print_to_the_quarter_inch(double metres, string text)
    {
        Assert.Equal(text, ImperialDistance.Format(metres));
    }
}
