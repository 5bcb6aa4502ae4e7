using Lib.Tuning;

namespace Lib.Tests.Tuning;

/// <summary><see cref="SeqRange"/>: the values coreutils' <c>seq start step end</c> prints, as a grid axis.</summary>
public class SeqRangeTests
{
    [Fact]
    public void Decimal_steps_give_the_values_seq_prints()
    {
        // seq 0.1 0.1 0.5 → 0.1 0.2 0.3 0.4 0.5 (binary doubles stepping would give 0.30000000000000004).
        Assert.Equal([0.1m, 0.2m, 0.3m, 0.4m, 0.5m], SeqRange.Values("0.1:0.1:0.5"));
        var domain = SeqRange.Parse("alpha", "0.1:0.1:0.5");
        Assert.Equal([0.1, 0.2, 0.3, 0.4, 0.5], domain.Values.Cast<double>());
        Assert.Equal(typeof(double), domain.ValueType);
    }

    [Fact]
    public void The_end_is_included_only_when_a_step_reaches_it_and_one_number_is_one_value()
    {
        Assert.Equal([10m, 20m, 30m], SeqRange.Values("10:10:35"));
        Assert.Equal([7m], SeqRange.Values("7"));
        var clip = SeqRange.Parse("clip_length", "10:10:30", integers: true);
        Assert.Equal([10, 20, 30], clip.Values.Cast<int>());
        Assert.Equal(typeof(int), clip.ValueType);
    }

    [Theory]
    [InlineData("0.1:0.1", "is not a range start:step:end")]
    [InlineData("0.1:x:0.5", "'x' is not a number")]
    [InlineData("0.1:0:0.5", "the step must be positive")]
    [InlineData("0.1:-0.1:0.5", "the step must be positive")]
    [InlineData("0.5:0.1:0.1", "the end (0.1) is below the start (0.5)")]
    [InlineData("1:1:20000", "gives more than 10000 values")]
    public void A_bad_range_names_the_parameter_and_what_was_expected(string text, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => SeqRange.Parse("beta", text));
        Assert.StartsWith($"Parameter 'beta': '{text}'", e.Message);
        Assert.Contains(message, e.Message);
    }

    [Fact]
    public void Integers_refuse_a_fractional_value()
    {
        var e = Assert.Throws<ArgumentException>(() => SeqRange.Parse("num_augmented", "1:0.5:2", integers: true));
        Assert.Contains("1.5 is not a whole number", e.Message);
    }
}
