using Lib.Tensors;

namespace Lib.Tuning;

/// <summary>A positive real parameter whose logarithm is uniform on [log <see cref="Low"/>, log
/// <see cref="High"/>] (learning rates, weight decay).</summary>
public sealed class LogUniformDomain : ParameterDomain
{
    /// <summary>A log-uniform domain; 0 &lt; <paramref name="low"/> &lt; <paramref name="high"/>, both finite.
    /// </summary>
    /// <exception cref="ArgumentException">The bounds are not positive, finite and increasing.</exception>
    public LogUniformDomain(string name, double low, double high)
        : base(name)
    {
        if (!double.IsFinite(low) || !double.IsFinite(high) || !(low > 0) || !(low < high))
            throw new ArgumentException(
                $"Parameter '{name}': a log-uniform range needs finite 0 < low < high, got [{low}, {high}]."
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
    public override bool IsLogScale => true;

    /// <inheritdoc />
    public override object Sample(Generator generator) =>
        Math.Clamp(Math.Exp(Math.Log(Low) + (Math.Log(High) - Math.Log(Low)) * generator.NextDouble()), Low, High);

    /// <inheritdoc />
    public override IReadOnlyList<object> Grid(int points) =>
        UniformDomain
            .Spaced(Math.Log(Low), Math.Log(High), points)
            .Select(
                (v, i) =>
                    (object)(
                        i == 0 && points > 1 ? Low
                        : i == points - 1 && points > 1 ? High
                        : Math.Exp(v)
                    )
            )
            .ToList();

    /// <inheritdoc />
    public override bool Contains(object value) => value is double d && d >= Low && d <= High;
}
