using Lib.Tensors;

namespace Lib.Tuning;

/// <summary>A real parameter drawn uniformly from [<see cref="Low"/>, <see cref="High"/>].</summary>
public sealed class UniformDomain : ParameterDomain
{
    /// <summary>A uniform domain; <paramref name="low"/> &lt; <paramref name="high"/>, both finite.</summary>
    /// <exception cref="ArgumentException">The bounds are not finite or not increasing.</exception>
    public UniformDomain(string name, double low, double high)
        : base(name)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low < high))
            throw new ArgumentException(
                $"Parameter '{name}': a uniform range needs finite low < high, got [{low}, {high}]."
            );
        (Low, High) = (low, high);
    }

    /// <summary>The lower bound.</summary>
    public double Low { get; }

    /// <summary>The upper bound.</summary>
    public double High { get; }

    /// <inheritdoc />
    public override Type ValueType => typeof(double);

    /// <inheritdoc />
    public override object Sample(Generator generator) => Low + (High - Low) * generator.NextDouble();

    /// <inheritdoc />
    public override IReadOnlyList<object> Grid(int points) => Spaced(Low, High, points).Cast<object>().ToList();

    /// <inheritdoc />
    public override bool Contains(object value) => value is double d && d >= Low && d <= High;

    /// <summary><paramref name="points"/> values from <paramref name="low"/> to <paramref name="high"/>, ends
    /// included (the midpoint when one).</summary>
    internal static IEnumerable<double> Spaced(double low, double high, int points)
    {
        if (points < 1)
            throw new ArgumentOutOfRangeException(nameof(points), $"A grid needs at least 1 point, got {points}.");
        if (points == 1)
            return [(low + high) / 2];
        return Enumerable.Range(0, points).Select(i => i == points - 1 ? high : low + (high - low) * i / (points - 1));
    }
}
