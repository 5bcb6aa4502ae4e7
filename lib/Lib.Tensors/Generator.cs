namespace Lib.Tensors;

/// <summary>
/// An explicit, seeded source of randomness (PyTorch's <c>torch.Generator</c>). The engine never
/// draws from a hidden static generator, so results repeat and tests can run in parallel.
/// </summary>
public sealed class Generator
{
    private Random _random;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Generator(long seed = 0)
    {
        InitialSeed = seed;
        _random = new Random(unchecked((int)(seed ^ (seed >> 32))));
    }

    /// <summary>The seed this generator was created or last re-seeded with.</summary>
    public long InitialSeed { get; private set; }

    /// <summary>Re-seeds the generator (<c>manual_seed</c>); returns itself for chaining.</summary>
    public Generator ManualSeed(long seed)
    {
        InitialSeed = seed;
        _random = new Random(unchecked((int)(seed ^ (seed >> 32))));
        return this;
    }

    /// <summary>A uniform sample in [0, 1).</summary>
    public double NextDouble() => _random.NextDouble();

    /// <summary>A standard normal sample (Box–Muller).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - _random.NextDouble(); // (0, 1]: log is finite
        double u2 = _random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }
}
