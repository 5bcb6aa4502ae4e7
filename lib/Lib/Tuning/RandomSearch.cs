using Lib.Tensors;

namespace Lib.Tuning;

/// <summary>
/// <see cref="Trials"/> independent draws from the search space (Bergstra and Bengio's random search), reproducible
/// from <see cref="Seed"/>: trial i draws each parameter in the space's order from one seeded
/// <see cref="Generator"/>.
/// </summary>
/// <param name="Trials">The number of trials (at least 1).</param>
/// <param name="Seed">The seed of the draws.</param>
public sealed record RandomSearch(int Trials, long Seed = 0) : ISearchStrategy
{
    /// <inheritdoc />
    public IReadOnlyList<TrialParameters> Propose(SearchSpace space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (Trials < 1)
            throw new ArgumentException($"Random search needs at least 1 trial, got {Trials}.");
        if (space.Parameters.Count == 0)
            throw new ArgumentException("Random search needs at least one parameter in the search space.");
        var generator = new Generator(Seed);
        return
        [
            .. Enumerable
                .Range(0, Trials)
                .Select(_ => new TrialParameters(
                    space.Parameters.Select(p => new KeyValuePair<string, object>(p.Name, p.Sample(generator))).ToList()
                )),
        ];
    }
}
