namespace Lib.Tuning;

/// <summary>
/// The parameters a study tunes, in order, each with its <see cref="ParameterDomain"/>; built fluently:
/// <c>new SearchSpace().LogUniform("lr", 1e-4, 1e-2).IntRange("hidden", 16, 64, 16).Uniform("dropout", 0, 0.3)</c>.
/// </summary>
public sealed class SearchSpace
{
    private readonly List<ParameterDomain> _parameters = [];

    /// <summary>The parameters in the order they were added (grid search varies the last fastest).</summary>
    public IReadOnlyList<ParameterDomain> Parameters => _parameters;

    /// <summary>The domain of the parameter called <paramref name="name"/>.</summary>
    /// <exception cref="KeyNotFoundException">No such parameter (the message lists those there are).</exception>
    public ParameterDomain this[string name] =>
        _parameters.FirstOrDefault(p => p.Name == name)
        ?? throw new KeyNotFoundException(
            $"The search space has no parameter '{name}' (it has: "
                + $"{string.Join(", ", _parameters.Select(p => p.Name))})."
        );

    /// <summary>Adds a parameter.</summary>
    /// <exception cref="ArgumentException">A parameter of that name is already there.</exception>
    public SearchSpace Add(ParameterDomain parameter)
    {
        ArgumentNullException.ThrowIfNull(parameter);
        if (_parameters.Any(p => p.Name == parameter.Name))
            throw new ArgumentException($"The search space already has a parameter '{parameter.Name}'.");
        _parameters.Add(parameter);
        return this;
    }

    /// <summary>Adds a choice among <paramref name="values"/>.</summary>
    public SearchSpace Choice<T>(string name, params T[] values)
        where T : notnull => Add(new ChoiceDomain(name, values.Cast<object>()));

    /// <summary>Adds a real parameter, uniform on [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public SearchSpace Uniform(string name, double low, double high) => Add(new UniformDomain(name, low, high));

    /// <summary>Adds a positive real parameter, log-uniform on [<paramref name="low"/>, <paramref name="high"/>].
    /// </summary>
    public SearchSpace LogUniform(string name, double low, double high) => Add(new LogUniformDomain(name, low, high));

    /// <summary>Adds an integer parameter from <paramref name="low"/> to <paramref name="high"/> inclusive.</summary>
    public SearchSpace IntRange(string name, int low, int high, int step = 1) =>
        Add(new IntRangeDomain(name, low, high, step));
}
