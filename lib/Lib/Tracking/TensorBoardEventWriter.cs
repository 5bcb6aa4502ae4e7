using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using Google.Protobuf;

namespace Lib.Tracking;

/// <summary>
/// Writes a TensorBoard scalar event file, <c>events.out.tfevents.&lt;unix seconds&gt;.&lt;host&gt;</c>, as
/// PyTorch's <c>SummaryWriter.add_scalar</c> does: TFRecord framing (uint64 length, masked CRC32C of the length,
/// the <c>Event</c> protobuf, masked CRC32C of the data, little-endian), a first event with
/// <c>file_version: "brain.Event:2"</c>, then one <c>Event{wall_time, step, summary: Summary{value:
/// [Value{tag, simple_value}]}}</c> per scalar. The few protobuf fields are written by hand with
/// <see cref="CodedOutputStream"/>. Each scalar is flushed, so TensorBoard can read the file while a run trains (an
/// append-only log, so it is not written through a temporary file).
/// </summary>
/// <example><code>
/// using var tb = new TensorBoardEventWriter("artifacts/tensorboard/run1");
/// tb.AddScalar("train_loss", 0.25, step: 3);
/// </code></example>
public sealed class TensorBoardEventWriter : IDisposable
{
    /// <summary>The version string of the file's first event.</summary>
    public const string FileVersion = "brain.Event:2";

    private const uint MaskDelta = 0xa282ead8;
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    /// <summary>Creates <paramref name="directory"/> when missing and starts a new event file in it.</summary>
    /// <param name="directory">The log directory (TensorBoard's <c>--logdir</c> or a folder below it).</param>
    /// <param name="host">The host name in the file name (default: this machine's).</param>
    public TensorBoardEventWriter(string directory, string? host = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        Directory.CreateDirectory(directory);
        var now = DateTimeOffset.UtcNow;
        var name =
            $"events.out.tfevents.{now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)}."
            + (host ?? Environment.MachineName);
        var path = Path.Combine(directory, name);
        for (int i = 1; File.Exists(path); i++) // a second writer in the same second
            path = Path.Combine(directory, $"{name}.{i}");
        FilePath = path;
        _stream = new FileStream(FilePath, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
        WriteRecord(Event(now, 0, o => o.WriteString(FileVersion), fileVersionField: true));
    }

    /// <summary>The event file being written.</summary>
    public string FilePath { get; }

    /// <summary>Appends a scalar <paramref name="value"/> of <paramref name="tag"/> at <paramref name="step"/>
    /// (stored as float32, TensorBoard's <c>simple_value</c>).</summary>
    public void AddScalar(string tag, double value, long step, DateTimeOffset? wallTime = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(tag);
        var valueBytes = Message(o =>
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited); // Summary.Value.tag
            o.WriteString(tag);
            o.WriteTag(2, WireFormat.WireType.Fixed32); // Summary.Value.simple_value
            o.WriteFloat((float)value);
        });
        var summaryBytes = Message(o =>
        {
            o.WriteTag(1, WireFormat.WireType.LengthDelimited); // Summary.value
            o.WriteBytes(ByteString.CopyFrom(valueBytes));
        });
        WriteRecord(
            Event(wallTime ?? DateTimeOffset.UtcNow, step, o => o.WriteBytes(ByteString.CopyFrom(summaryBytes)), false)
        );
    }

    /// <summary>TensorBoard's masked CRC32C: <c>((crc &gt;&gt; 15 | crc &lt;&lt; 17) + 0xa282ead8)</c>.</summary>
    public static uint MaskedCrc32C(ReadOnlySpan<byte> data)
    {
        uint crc = Crc32.HashToUInt32(Crc32ParameterSet.Crc32C, data);
        return unchecked(((crc >> 15) | (crc << 17)) + MaskDelta);
    }

    /// <summary>Closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
            _stream.Dispose();
    }

    /// <summary>An <c>Event</c>: wall_time (1, seconds as a double), step (2), then file_version (3) or summary
    /// (5), whose payload <paramref name="what"/> writes.</summary>
    private static byte[] Event(
        DateTimeOffset wallTime,
        long step,
        Action<CodedOutputStream> what,
        bool fileVersionField
    ) =>
        Message(o =>
        {
            o.WriteTag(1, WireFormat.WireType.Fixed64);
            o.WriteDouble(wallTime.ToUnixTimeMilliseconds() / 1000.0);
            if (step != 0)
            {
                o.WriteTag(2, WireFormat.WireType.Varint);
                o.WriteInt64(step);
            }
            o.WriteTag(fileVersionField ? 3 : 5, WireFormat.WireType.LengthDelimited);
            what(o);
        });

    private static byte[] Message(Action<CodedOutputStream> write)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            write(output);
            output.Flush();
        }
        return buffer.ToArray();
    }

    private void WriteRecord(byte[] data)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], MaskedCrc32C(header[..8]));
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, MaskedCrc32C(data));
        lock (_gate)
        {
            _stream.Write(header);
            _stream.Write(data);
            _stream.Write(footer);
            _stream.Flush();
        }
    }
}
