using Lib.Track.Domain;

namespace Lib.Tests.Track;

public class WindTests
{
    [Theory]
    [InlineData("+1.2", 1.2)]
    [InlineData("-0.5", -0.5)]
    [InlineData("2.0", 2.0)]
    [InlineData("+0.0", 0.0)]
    [InlineData("(1.6)", 1.6)]
    [InlineData("(-1.8)", -1.8)]
    public void Readings_are_metres_per_second(string text, double value)
    {
        var wind = Wind.Parse(text);
        Assert.Equal(value, wind.Value!.Value, 9);
        Assert.Equal(text.Trim('(', ')'), wind.Text);
        Assert.Equal(value <= 2.0, wind.IsLegal);
    }

    [Fact]
    public void NWI_is_no_reading()
    {
        var wind = Wind.Parse("NWI");
        Assert.True(wind.IsNoInformation);
        Assert.Null(wind.Value);
        Assert.Null(wind.IsLegal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("calm")]
    [InlineData("1.2.3")]
    [InlineData("+35.0")]
    public void What_is_not_a_reading_is_refused(string text)
    {
        Assert.False(Wind.TryParse(text, out _, out var error));
        Assert.Contains($"'{text}'", error);
    }

    [Theory]
    [InlineData(1.2, "+1.2")]
    [InlineData(-0.5, "-0.5")]
    [InlineData(0, "+0.0")]
    [InlineData(3.96, "+4.0")]
    public void Readings_print_with_a_sign_and_one_decimal(double value, string text) => Assert.Equal(text, Wind.Format(value));
}
