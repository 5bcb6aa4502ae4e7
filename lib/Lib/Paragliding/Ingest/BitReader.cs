namespace Lib.Paragliding.Ingest;

/// <summary>Reads unsigned integers of any width up to 32 bits, most significant bit first (GRIB's packing).</summary>
internal sealed class BitReader(byte[] bytes, int offset, int end)
{
    private long _bit = (long)offset * 8;

    /// <summary>The next <paramref name="width"/> bits as an unsigned number (0 for width 0).</summary>
    public long Read(int width)
    {
        if (width == 0)
            return 0;
        if (width > 32)
            throw new InvalidDataException($"a packed width of {width} bits (at most 32 are allowed)");
        if (_bit + width > (long)end * 8)
            throw new InvalidDataException("the data section ends before the packed values it declares");
        long value = 0;
        for (int left = width; left > 0; )
        {
            int b = bytes[_bit >> 3];
            int used = (int)(_bit & 7);
            int take = Math.Min(8 - used, left);
            int bits = (b >> (8 - used - take)) & ((1 << take) - 1);
            value = (value << take) | (long)bits;
            _bit += take;
            left -= take;
        }
        return value;
    }

    /// <summary>Skips to the next whole octet.</summary>
    public void Align() => _bit = (_bit + 7) & ~7L;
}
