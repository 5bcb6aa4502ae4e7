using System.Text;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Decodes a VARCHAR column's UTF-8 values, reusing the .NET string for a value seen recently: sports data
/// repeats (events, teams, athletes), and one string per distinct value saves allocations and memory.
/// A direct-mapped table of recent values; it turns itself off when a column's values rarely repeat.
/// </summary>
internal sealed unsafe class DuckDbStringCache
{
    private const int Slots = 4096, MaxLength = 64, Probation = 8192;
    private readonly string?[] _strings = new string?[Slots];
    private readonly byte[]?[] _bytes = new byte[]?[Slots];
    private int _lookups, _hits;
    private bool _off;

    internal string Decode(byte* text, int length)
    {
        if (_off || length > MaxLength) return Encoding.UTF8.GetString(text, length);
        var span = new ReadOnlySpan<byte>(text, length);
        var hash = new HashCode();
        hash.AddBytes(span);
        int slot = hash.ToHashCode() & (Slots - 1);
        _lookups++;
        if (_bytes[slot] is { } known && span.SequenceEqual(known))
        {
            _hits++;
            return _strings[slot]!;
        }
        var s = Encoding.UTF8.GetString(span);
        _bytes[slot] = span.ToArray();
        _strings[slot] = s;
        if (_lookups == Probation && _hits < Probation / 2) _off = true;
        return s;
    }
}
