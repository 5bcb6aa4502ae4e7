using Lib.Tensors;

namespace Lib.Tuning;

/// <summary>An integer parameter from <see cref="Low"/> to <see cref="High"/> inclusive in steps of
/// <see cref="Step"/> (hidden sizes, layer counts), each value equally likely.</summary>
public sealed class IntRangeDomain : ParameterDomain
{
    /// <summary>An integer range; <paramref name="low"/> ≤ <paramref name="high"/>, <paramref name="step"/> ≥ 1 and
    /// dividing <c>high − low</c>.</summary>
    /// <exception cref="ArgumentException">The bounds are reversed or the step does not fit them.</exception>
    public IntRangeDomain(string name, int low, int high, int step = 1)
        : base(name)
    {
        if (low > high || step < 1 || ((long)high - low) % step != 0)
            throw new ArgumentException(
                $"Parameter '{name}': an integer range needs low <= high and a step >= 1 that divides high - low, "
                    + $"got {low}..{high} step {step}."
            );
        (Low, High, Step) = (low, high, step);
    }

    /// <summary>The smallest value.</summary>
    public int Low { get; }

    /// <summary>The largest value.</summary>
    public int High { get; }

    /// <summary>The distance between neighbouring values.</summary>
    public int Step { get; }

    private int Count => (int)(((long)High - Low) / Step) + 1;

    /// <inheritdoc />
    public override Type ValueType => typeof(int);

    /// <inheritdoc />
    public override object Sample(Generator generator) => Low + Step * generator.NextInt(Count);

    /// <inheritdoc />
    public override IReadOnlyList<object> Grid(int points) =>
        Enumerable.Range(0, Count).Select(i => (object)(Low + Step * i)).ToList();

    /// <inheritdoc />
    public override bool Contains(object value) =>
        value is int i && i >= Low && i <= High && ((long)i - Low) % Step == 0;
}
