using Lib.Tensors;
using Lib.Tuning;

namespace Lib.Tests.Tuning;

public class SearchTests
{
    private static SearchSpace Space() =>
        new SearchSpace()
            .LogUniform("lr", 1e-4, 1e-1)
            .IntRange("hidden", 16, 64, 16)
            .Uniform("dropout", 0, 0.5)
            .Choice("head", "linear", "mlp");

    [Fact]
    public void Grid_search_covers_the_product_of_the_grids_once_each_the_last_parameter_fastest()
    {
        var trials = new GridSearch(PointsPerRange: 3).Propose(Space());

        Assert.Equal(3 * 4 * 3 * 2, trials.Count);
        Assert.Equal(trials.Count, trials.Select(t => t.Key).Distinct().Count());
        var lrs = trials.Select(t => t.Get<double>("lr")).Distinct().ToList();
        Assert.Equal(3, lrs.Count);
        Assert.Equal(1e-4, lrs[0], 15);
        Assert.Equal(Math.Sqrt(1e-4 * 1e-1), lrs[1], 12); // log-spaced: the geometric middle
        Assert.Equal(1e-1, lrs[2], 15);
        Assert.Equal([16, 32, 48, 64], trials.Select(t => t.Get<int>("hidden")).Distinct());
        Assert.Equal([0.0, 0.25, 0.5], trials.Select(t => t.Get<double>("dropout")).Distinct());
        Assert.Equal("lr=0.0001, hidden=16, dropout=0, head=linear", trials[0].Key);
        Assert.Equal("lr=0.0001, hidden=16, dropout=0, head=mlp", trials[1].Key);
        foreach (var lr in lrs)
        foreach (var hidden in new[] { 16, 32, 48, 64 })
        foreach (var dropout in new[] { 0.0, 0.25, 0.5 })
        foreach (var head in new[] { "linear", "mlp" })
            Assert.Single(trials, t => t.Get<double>("lr") == lr && t.Get<int>("hidden") == hidden
                && t.Get<double>("dropout") == dropout && t.Get<string>("head") == head);
    }

    [Fact]
    public void Random_search_repeats_by_seed_differs_across_seeds_and_stays_within_bounds()
    {
        var space = Space();
        var a = new RandomSearch(200, Seed: 7).Propose(space);
        var b = new RandomSearch(200, Seed: 7).Propose(space);
        var c = new RandomSearch(200, Seed: 8).Propose(space);

        Assert.Equal(a.Select(t => t.Key), b.Select(t => t.Key));
        Assert.NotEqual(a.Select(t => t.Key), c.Select(t => t.Key));
        foreach (var t in a)
        {
            Assert.InRange(t.Get<double>("lr"), 1e-4, 1e-1);
            Assert.Contains(t.Get<int>("hidden"), new[] { 16, 32, 48, 64 });
            Assert.InRange(t.Get<double>("dropout"), 0, 0.5);
            Assert.Contains(t.Get<string>("head"), new[] { "linear", "mlp" });
        }
        // Log-uniform: about as many draws in each decade; every integer and choice value turns up.
        var decades = a.GroupBy(t => (int)Math.Floor(Math.Log10(t.Get<double>("lr")))).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal([-4, -3, -2], decades.Keys.Order());
        Assert.All(decades.Values, n => Assert.InRange(n, 40, 95));
        Assert.Equal(4, a.Select(t => t.Get<int>("hidden")).Distinct().Count());
        Assert.Equal(2, a.Select(t => t.Get<string>("head")).Distinct().Count());
    }

    [Fact]
    public void Bad_domains_and_parameter_lookups_are_refused_with_the_parameter_named()
    {
        Assert.Contains("'lr'", Assert.Throws<ArgumentException>(() => new LogUniformDomain("lr", 0, 1)).Message);
        Assert.Contains("'p'", Assert.Throws<ArgumentException>(() => new UniformDomain("p", 1, 1)).Message);
        Assert.Contains("'n'", Assert.Throws<ArgumentException>(() => new IntRangeDomain("n", 1, 10, 4)).Message);
        Assert.Throws<ArgumentException>(() => new ChoiceDomain("c", []));
        Assert.Throws<ArgumentException>(() => new ChoiceDomain("c", [1, 1]));
        Assert.Throws<ArgumentException>(() => new UniformDomain("bad:name", 0, 1));
        Assert.Throws<ArgumentException>(() => new SearchSpace().Uniform("a", 0, 1).Uniform("a", 0, 2));
        var trial = new GridSearch(2).Propose(Space())[0];
        Assert.Contains("lr, hidden, dropout, head", Assert.Throws<KeyNotFoundException>(() => trial["nope"]).Message);
        Assert.Contains("'head'", Assert.Throws<InvalidCastException>(() => trial.Get<double>("head")).Message);
        Assert.Equal(16.0, trial.Get<double>("hidden"));
        Assert.True(new IntRangeDomain("n", 0, 9, 3).Contains(6));
        Assert.False(new IntRangeDomain("n", 0, 9, 3).Contains(5));
        Assert.InRange((double)new UniformDomain("u", -1, 1).Sample(new Generator(1)), -1, 1);
    }
}
