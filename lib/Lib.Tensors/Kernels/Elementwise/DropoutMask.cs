namespace Lib.Tensors.Ops;

/// <summary>
/// Draws dropout masks: each element is 1/(1 − p) with probability 1 − p, else 0. Every 64 random bits of
/// the generator give two elements (a 32-bit uniform each, kept when u ≥ p·2³²), in element order, so a
/// mask repeats for a seed and an element's keep probability is 1 − p to within 2⁻³².
/// </summary>
internal static class DropoutMask
{
    /// <summary>Fills <paramref name="mask"/>; p = 1 gives zeros and p = 0 ones without drawing.</summary>
    public static void Fill(Generator generator, float p, Span<float> mask)
    {
        if (p >= 1f)
        {
            mask.Clear();
            return;
        }
        if (p <= 0f)
        {
            mask.Fill(1f);
            return;
        }
        float keep = 1f / (1f - p);
        // ≤ 2³²: some 32-bit values are kept unless p rounds to 1
        ulong threshold = (ulong)Math.Ceiling(p * 4294967296.0);
        int i = 0;
        for (; i + 1 < mask.Length; i += 2)
        {
            ulong bits = generator.NextUInt64();
            mask[i] = (bits & 0xFFFF_FFFFUL) >= threshold ? keep : 0f;
            mask[i + 1] = (bits >> 32) >= threshold ? keep : 0f;
        }
        if (i < mask.Length)
            mask[i] = (generator.NextUInt64() & 0xFFFF_FFFFUL) >= threshold ? keep : 0f;
    }
}
