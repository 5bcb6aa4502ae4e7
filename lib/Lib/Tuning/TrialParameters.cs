using System.Globalization;

namespace Lib.Tuning;

/// <summary>
/// One trial's parameter values, by name in the search space's order. <see cref="Key"/> is their text, which
/// identifies the trial in the tracking store when a study resumes.
/// </summary>
public sealed class TrialParameters
{
    private readonly IReadOnlyList<KeyValuePair<string, object>> _values;

    /// <summary>Parameter values in order.</summary>
    public TrialParameters(IEnumerable<KeyValuePair<string, object>> values)
    {
        _values = [.. values ?? throw new ArgumentNullException(nameof(values))];
        if (_values.Select(v => v.Key).Distinct().Count() != _values.Count)
            throw new ArgumentException("A trial names a parameter twice.", nameof(values));
    }

    /// <summary>The values, in the search space's order.</summary>
    public IReadOnlyList<KeyValuePair<string, object>> Values => _values;

    /// <summary>The parameter names.</summary>
    public IEnumerable<string> Names => _values.Select(v => v.Key);

    /// <summary>The value of <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter (the message lists those there are).</exception>
    public object this[string name]
    {
        get
        {
            foreach (var (key, value) in _values)
                if (key == name)
                    return value;
            throw new KeyNotFoundException(
                $"The trial has no parameter '{name}' (it has: {string.Join(", ", Names)})."
            );
        }
    }

    /// <summary>The value of <paramref name="name"/> as <typeparamref name="T"/> (numbers convert: an integer
    /// parameter reads as a double).</summary>
    /// <exception cref="InvalidCastException">The value does not convert (the message names the parameter).
    /// </exception>
    public T Get<T>(string name)
    {
        var value = this[name];
        if (value is T t)
            return t;
        try
        {
            return (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
        }
        catch (Exception e) when (e is InvalidCastException or FormatException or OverflowException)
        {
            throw new InvalidCastException(
                $"Parameter '{name}' is {ParameterDomain.Format(value)} ({value.GetType().Name}), not a "
                    + $"{typeof(T).Name}.",
                e
            );
        }
    }

    /// <summary>The values as text, <c>name=value</c> joined by <c>", "</c> (doubles round-trip).</summary>
    public string Key => string.Join(", ", _values.Select(v => $"{v.Key}={ParameterDomain.Format(v.Value)}"));

    /// <inheritdoc />
    public override string ToString() => Key;
}
