namespace Lib.Probabilities;

/// <summary>
/// The checks every probability tool makes on its inputs, with errors naming the index and the value.
/// </summary>
internal static class BinaryInputs
{
    /// <summary>Throws unless both lists have the same length.</summary>
    public static void SameLength<TA, TB>(IReadOnlyList<TA> values, IReadOnlyList<TB> labels, string name)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentNullException.ThrowIfNull(labels);
        if (values.Count != labels.Count)
            throw new ArgumentException($"{values.Count} {name} for {labels.Count} labels.", nameof(values));
    }

    /// <summary>Throws unless every value is a probability in [0, 1].</summary>
    public static void Probabilities(IReadOnlyList<double> probabilities, string parameter)
    {
        for (int i = 0; i < probabilities.Count; i++)
            if (!(probabilities[i] >= 0 && probabilities[i] <= 1))
                throw new ArgumentException(
                    $"Probability {i} is {probabilities[i]}: expected a value in [0, 1].",
                    parameter
                );
    }

    /// <summary>Throws unless every value is finite.</summary>
    public static void Finite(IReadOnlyList<double> values, string what, string parameter)
    {
        for (int i = 0; i < values.Count; i++)
            if (!double.IsFinite(values[i]))
                throw new ArgumentException($"{what} {i} is {values[i]}: expected a finite number.", parameter);
    }
}
