using System.Buffers.Binary;
using Google.Protobuf;

namespace Lib.Tests.Tracking;

/// <summary>
/// A test-side reader of TensorBoard event files, written from the format (TFRecord framing, TensorBoard's
/// event.proto and summary.proto field numbers) and independent of the writer: its CRC32C is the bitwise
/// Castagnoli definition, not System.IO.Hashing.
/// </summary>
internal static class TensorBoardEventFile
{
    public sealed record Event(double WallTime, long Step, string? FileVersion, List<(string Tag, float Value)> Scalars);

    public static uint Crc32C(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1; // reflected 0x1EDC6F41
        }
        return ~crc;
    }

    public static uint Masked(ReadOnlySpan<byte> data)
    {
        uint crc = Crc32C(data);
        return unchecked(((crc >> 15) | (crc << 17)) + 0xa282ead8);
    }

    /// <summary>Every record of the file, checking each length and data CRC; throws naming the offset of a bad one.</summary>
    public static List<Event> Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var events = new List<Event>();
        int at = 0;
        while (at < bytes.Length)
        {
            if (bytes.Length - at < 12) throw new InvalidDataException($"{path}: a truncated header at byte {at}.");
            var header = bytes.AsSpan(at, 8);
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 8, 4)) != Masked(header))
                throw new InvalidDataException($"{path}: the length CRC of the record at byte {at} does not match.");
            if ((ulong)(bytes.Length - at - 16) < length) throw new InvalidDataException($"{path}: a truncated record at byte {at}.");
            var data = bytes.AsSpan(at + 12, (int)length);
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at + 12 + (int)length, 4)) != Masked(data))
                throw new InvalidDataException($"{path}: the data CRC of the record at byte {at} does not match.");
            events.Add(ParseEvent(data.ToArray()));
            at += 16 + (int)length;
        }
        return events;
    }

    private static Event ParseEvent(byte[] data)
    {
        var input = new CodedInputStream(data);
        double wallTime = 0;
        long step = 0;
        string? version = null;
        var scalars = new List<(string, float)>();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            switch (WireFormat.GetTagFieldNumber(tag))
            {
                case 1: wallTime = input.ReadDouble(); break;
                case 2: step = input.ReadInt64(); break;
                case 3: version = input.ReadString(); break;
                case 5: scalars.AddRange(ParseSummary(input.ReadBytes())); break;
                default: throw new InvalidDataException($"unexpected Event field {WireFormat.GetTagFieldNumber(tag)}");
            }
        }
        return new Event(wallTime, step, version, scalars);
    }

    private static IEnumerable<(string, float)> ParseSummary(ByteString summary)
    {
        var input = summary.CreateCodedInput();
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            Assert.Equal(1, WireFormat.GetTagFieldNumber(tag)); // Summary.value
            var value = input.ReadBytes().CreateCodedInput();
            string? name = null;
            float? simple = null;
            uint t;
            while ((t = value.ReadTag()) != 0)
            {
                switch (WireFormat.GetTagFieldNumber(t))
                {
                    case 1: name = value.ReadString(); break;
                    case 2: Assert.Equal(WireFormat.WireType.Fixed32, WireFormat.GetTagWireType(t)); simple = value.ReadFloat(); break;
                    default: throw new InvalidDataException($"unexpected Summary.Value field {WireFormat.GetTagFieldNumber(t)}");
                }
            }
            yield return (name ?? throw new InvalidDataException("a value without a tag"), simple ?? throw new InvalidDataException("no simple_value"));
        }
    }
}
