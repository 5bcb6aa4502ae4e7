namespace Lib.Tensors.Tests;

public class GeneratorTests
{
    [Fact]
    public void Same_seed_same_stream_and_state_restores_it()
    {
        var a = new Generator(42);
        var b = new Generator(42);
        for (int i = 0; i < 10; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
        var saved = a.GetState();
        var next = Enumerable.Range(0, 5).Select(_ => a.NextDouble()).ToArray();
        a.SetState(saved);
        Assert.Equal(next, Enumerable.Range(0, 5).Select(_ => a.NextDouble()).ToArray());
        Assert.NotEqual(new Generator(1).NextUInt64(), new Generator(2).NextUInt64());
        Assert.Throws<ArgumentException>(() => a.SetState([0, 0, 0, 0]));
    }

    [Fact]
    public void Samples_have_the_expected_ranges_and_moments()
    {
        var g = new Generator(7);
        const int n = 100_000;
        double sum = 0, sumSq = 0;
        var counts = new int[5];
        for (int i = 0; i < n; i++)
        {
            double u = g.NextDouble();
            Assert.InRange(u, 0.0, 1.0 - double.Epsilon);
            double z = g.NextNormal();
            sum += z;
            sumSq += z * z;
            counts[g.NextInt(5)]++;
        }
        Assert.InRange(sum / n, -0.02, 0.02);
        Assert.InRange(sumSq / n, 0.97, 1.03);
        Assert.All(counts, c => Assert.InRange(c, n / 5 - 1000, n / 5 + 1000));
    }
}
