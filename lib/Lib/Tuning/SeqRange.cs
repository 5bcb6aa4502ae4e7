using System.Globalization;

namespace Lib.Tuning;

/// <summary>
/// A grid axis written <c>start:step:end</c>, the values coreutils' <c>seq start step end</c> prints (start, start +
/// step, … up to end, end included when the steps reach it), as a <see cref="ChoiceDomain"/> of integers or doubles.
/// The arithmetic is decimal, so <c>0.1:0.1:0.5</c> gives 0.1, 0.2, 0.3, 0.4, 0.5 and not 0.30000000000000004.
/// This is how the original split timer's <c>hyperparameter_search.sh</c> writes its ranges.
/// </summary>
/// <example><code>
/// var space = new SearchSpace().Add(SeqRange.Parse("alpha", "0.1:0.1:0.5")).Add(SeqRange.Parse("clip", "10:10:30",
///     integers: true));
/// </code></example>
public static class SeqRange
{
    /// <summary>The most values one range may give.</summary>
    public const int MaxValues = 10_000;

    /// <summary>The values of <paramref name="text"/> (<c>start:step:end</c>, or one number for a single value).
    /// </summary>
    /// <exception cref="ArgumentException">Not three numbers, a step that is not positive, an end below the start,
    /// integers asked for and a value that is not one, or more than <see cref="MaxValues"/> values (each message
    /// quotes the text and says what was expected).</exception>
    public static IReadOnlyList<decimal> Values(string text, bool integers = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length == 1)
            parts = [parts[0], "1", parts[0]];
        if (parts.Length != 3)
            throw new ArgumentException($"'{text}' is not a range start:step:end (say 0.1:0.1:0.5).");
        var numbers = new decimal[3];
        for (int i = 0; i < 3; i++)
            if (!decimal.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]))
                throw new ArgumentException(
                    $"'{text}': '{parts[i]}' is not a number (the range is start:step:end, say 0.1:0.1:0.5)."
                );
        var (start, step, end) = (numbers[0], numbers[1], numbers[2]);
        if (step <= 0)
            throw new ArgumentException($"'{text}': the step must be positive, got {parts[1]}.");
        if (end < start)
            throw new ArgumentException($"'{text}': the end ({parts[2]}) is below the start ({parts[0]}).");
        if ((end - start) / step >= MaxValues)
            throw new ArgumentException($"'{text}' gives more than {MaxValues} values.");
        var values = new List<decimal>();
        for (decimal v = start; v <= end; v += step)
            values.Add(v);
        if (integers && values.FirstOrDefault(v => v != decimal.Truncate(v)) is var bad && bad != decimal.Truncate(bad))
            throw new ArgumentException(
                $"'{text}': {bad.ToString(CultureInfo.InvariantCulture)} is not a whole number; the range must give "
                    + "whole numbers."
            );
        return values;
    }

    /// <summary>The choice of <paramref name="name"/> among the values of <paramref name="text"/> (see
    /// <see cref="Values"/>): <see cref="int"/> values with <paramref name="integers"/>, <see cref="double"/> ones
    /// otherwise.</summary>
    /// <exception cref="ArgumentException">As <see cref="Values"/>, the message naming the parameter.</exception>
    public static ChoiceDomain Parse(string name, string text, bool integers = false)
    {
        IReadOnlyList<decimal> values;
        try
        {
            values = Values(text, integers);
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Parameter '{name}': {e.Message}", e);
        }
        return integers
            ? new ChoiceDomain(name, values.Select(v => (object)decimal.ToInt32(v)))
            : new ChoiceDomain(name, values.Select(v => (object)(double)v));
    }
}
