namespace Lib.Tuning;

/// <summary>A parameter that takes one of a list of values (numbers, strings, booleans), each equally likely.
/// </summary>
public sealed class ChoiceDomain : ParameterDomain
{
    /// <summary>A choice among <paramref name="values"/> (at least one, no repeats).</summary>
    /// <exception cref="ArgumentException">No values, a null or a repeated value.</exception>
    public ChoiceDomain(string name, IEnumerable<object> values)
        : base(name)
    {
        Values = [.. values ?? throw new ArgumentNullException(nameof(values))];
        if (Values.Count == 0)
            throw new ArgumentException($"Parameter '{name}': a choice needs at least one value.", nameof(values));
        if (Values.Any(v => v is null))
            throw new ArgumentException($"Parameter '{name}': a choice cannot hold null.", nameof(values));
        if (Values.Distinct().Count() != Values.Count)
            throw new ArgumentException($"Parameter '{name}': a choice lists a value twice.", nameof(values));
        var types = Values.Select(v => v.GetType()).Distinct().ToList();
        ValueType = types.Count == 1 ? types[0] : typeof(string);
    }

    /// <summary>The values, in the order given (grid search's order).</summary>
    public IReadOnlyList<object> Values { get; }

    /// <inheritdoc />
    public override Type ValueType { get; }

    /// <inheritdoc />
    public override object Sample(Lib.Tensors.Generator generator) => Values[generator.NextInt(Values.Count)];

    /// <inheritdoc />
    public override IReadOnlyList<object> Grid(int points) => Values;

    /// <inheritdoc />
    public override bool Contains(object value) => Values.Contains(value);
}
