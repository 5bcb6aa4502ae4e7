using System.Globalization;
using Lib.Tensors;

namespace Lib.Tuning;

/// <summary>
/// One named parameter of a <see cref="SearchSpace"/> and the values it may take (Ray Tune's <c>tune.choice</c>,
/// <c>tune.uniform</c>, <c>tune.loguniform</c>, <c>tune.randint</c>; Optuna's distributions): how random search
/// samples it, which values grid search tries, and whether a value lies within it.
/// </summary>
public abstract class ParameterDomain
{
    /// <summary>A domain for the parameter called <paramref name="name"/> (an MLflow parameter name).</summary>
    /// <exception cref="ArgumentException">The name is not a valid MLflow key (letters, digits, _ - . space /).
    /// </exception>
    protected ParameterDomain(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || !Tracking.TrackingStore.ValidKey().IsMatch(name))
            throw new ArgumentException(
                $"'{name}' is not a valid parameter name (letters, digits, _ - . space and / only).",
                nameof(name)
            );
        Name = name;
    }

    /// <summary>The parameter's name (the tracked run's parameter key).</summary>
    public string Name { get; }

    /// <summary>The .NET type of the values (a table column's type).</summary>
    public abstract Type ValueType { get; }

    /// <summary>Whether charts should put this parameter on a logarithmic axis.</summary>
    public virtual bool IsLogScale => false;

    /// <summary>One value drawn from <paramref name="generator"/>.</summary>
    public abstract object Sample(Generator generator);

    /// <summary>The values grid search tries; a continuous domain gives <paramref name="points"/> evenly spaced
    /// values, ends included (log-spaced for a log-uniform one).</summary>
    public abstract IReadOnlyList<object> Grid(int points);

    /// <summary>Whether <paramref name="value"/> lies within the domain.</summary>
    public abstract bool Contains(object value);

    /// <summary>The value as the text stored in a tracked run (invariant culture, doubles round-trip).</summary>
    public static string Format(object value) =>
        value switch
        {
            double d => d.ToString("R", CultureInfo.InvariantCulture),
            float f => f.ToString("R", CultureInfo.InvariantCulture),
            IFormattable x => x.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
}
