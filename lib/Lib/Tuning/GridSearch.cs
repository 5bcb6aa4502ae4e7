namespace Lib.Tuning;

/// <summary>
/// Every combination of the parameters' grid values (scikit-learn's <c>GridSearchCV</c> grid): choices and integer
/// ranges give all their values, real ranges <see cref="PointsPerRange"/> evenly spaced ones (log-spaced when
/// log-uniform). The last parameter varies fastest.
/// </summary>
/// <param name="PointsPerRange">How many values each real range contributes (at least 1).</param>
public sealed record GridSearch(int PointsPerRange = 5) : ISearchStrategy
{
    /// <inheritdoc />
    public IReadOnlyList<TrialParameters> Propose(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (space.Parameters.Count == 0)
            throw new ArgumentException("Grid search needs at least one parameter in the search space.");
        IEnumerable<IEnumerable<KeyValuePair<string, object>>> combinations =
        [
            [],
        ];
        foreach (var parameter in space.Parameters)
        {
            var values = parameter.Grid(PointsPerRange);
            combinations = combinations.SelectMany(c =>
                values.Select(v => c.Append(new KeyValuePair<string, object>(parameter.Name, v)))
            );
        }
        return [.. combinations.Select(c => new TrialParameters(c))];
    }
}
