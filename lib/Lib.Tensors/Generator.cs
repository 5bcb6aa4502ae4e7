namespace Lib.Tensors;

/// <summary>
/// An explicit, seeded source of randomness (PyTorch's <c>torch.Generator</c>). The engine never
/// draws from a hidden static generator, so results repeat and tests can run in parallel. The
/// stream is xoshiro256** seeded through SplitMix64; its state can be saved and restored
/// (<see cref="GetState"/>, <see cref="SetState"/>) so an interrupted training run resumes exactly.
/// </summary>
public sealed class Generator
{
    private ulong _s0,
        _s1,
        _s2,
        _s3;

    /// <summary>Creates a generator seeded with <paramref name="seed"/>.</summary>
    public Generator(long seed = 0) => ManualSeed(seed);

    /// <summary>The seed this generator was created or last re-seeded with.</summary>
    public long InitialSeed { get; private set; }

    /// <summary>Re-seeds the generator (<c>manual_seed</c>); returns itself for chaining.</summary>
    public Generator ManualSeed(long seed)
    {
        InitialSeed = seed;
        ulong x = unchecked((ulong)seed);
        _s0 = SplitMix(ref x);
        _s1 = SplitMix(ref x);
        _s2 = SplitMix(ref x);
        _s3 = SplitMix(ref x);
        return this;
    }

    /// <summary>The full state (<c>get_state()</c>): four 64-bit words.</summary>
    public ulong[] GetState() => [_s0, _s1, _s2, _s3];

    /// <summary>Restores a state from <see cref="GetState"/> (<c>set_state()</c>).</summary>
    public void SetState(ulong[] state)
    {
        if (state is not { Length: 4 } || (state[0] | state[1] | state[2] | state[3]) == 0)
            throw new ArgumentException(
                "A generator state is four 64-bit words, not all zero (as returned by GetState).",
                nameof(state)
            );
        (_s0, _s1, _s2, _s3) = (state[0], state[1], state[2], state[3]);
    }

    /// <summary>The next 64 random bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>A uniform sample in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>A uniform integer in [0, <paramref name="maxExclusive"/>) without modulo bias.</summary>
    public int NextInt(int maxExclusive)
    {
        if (maxExclusive <= 0)
            throw new ArgumentOutOfRangeException(nameof(maxExclusive), "The upper bound must be positive.");
        ulong bound = (ulong)maxExclusive;
        ulong limit = ulong.MaxValue - ulong.MaxValue % bound;
        ulong r;
        do r = NextUInt64();
        while (r >= limit);
        return (int)(r % bound);
    }

    /// <summary>A standard normal sample (Box–Muller).</summary>
    public double NextNormal()
    {
        double u1 = 1.0 - NextDouble(); // (0, 1]: log is finite
        double u2 = NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    private static ulong SplitMix(ref ulong x)
    {
        ulong z = x += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
