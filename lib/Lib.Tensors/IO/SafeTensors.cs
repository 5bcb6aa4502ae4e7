using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lib.Tensors.IO;

/// <summary>One tensor of a safetensors file: its dtype (<c>F32</c>, <c>I64</c> ...), shape and raw little-endian
/// bytes.</summary>
public sealed record SafeTensor(string DType, int[] Shape, byte[] Data)
{
    /// <summary>The number of elements.</summary>
    public long NumEl => Shape.Aggregate(1L, (a, b) => a * b);

    /// <summary>The values as float32 (converting F16, BF16, F64 and integer dtypes).</summary>
    public float[] ToFloat32()
    {
        var n = checked((int)NumEl);
        var result = new float[n];
        var bytes = Data.AsSpan();
        switch (DType)
        {
            case "F32":
                MemoryMarshal.Cast<byte, float>(bytes).CopyTo(result);
                break;
            case "F64":
                for (int i = 0; i < n; i++)
                    result[i] = (float)BinaryPrimitives.ReadDoubleLittleEndian(bytes[(i * 8)..]);
                break;
            case "F16":
                for (int i = 0; i < n; i++)
                    result[i] = (float)BinaryPrimitives.ReadHalfLittleEndian(bytes[(i * 2)..]);
                break;
            case "BF16":
                for (int i = 0; i < n; i++)
                    result[i] = BitConverter.Int32BitsToSingle(
                        BinaryPrimitives.ReadUInt16LittleEndian(bytes[(i * 2)..]) << 16
                    );
                break;
            case "I64":
                for (int i = 0; i < n; i++)
                    result[i] = BinaryPrimitives.ReadInt64LittleEndian(bytes[(i * 8)..]);
                break;
            case "I32":
                for (int i = 0; i < n; i++)
                    result[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes[(i * 4)..]);
                break;
            case "I16":
                for (int i = 0; i < n; i++)
                    result[i] = BinaryPrimitives.ReadInt16LittleEndian(bytes[(i * 2)..]);
                break;
            case "I8":
                for (int i = 0; i < n; i++)
                    result[i] = (sbyte)bytes[i];
                break;
            case "U8" or "BOOL":
                for (int i = 0; i < n; i++)
                    result[i] = bytes[i];
                break;
            default:
                throw new NotSupportedException($"dtype {DType} cannot be converted to float32.");
        }
        return result;
    }

    /// <summary>A float32 tensor entry.</summary>
    public static SafeTensor FromFloat32(ReadOnlySpan<float> values, params int[] shape) =>
        new("F32", shape, MemoryMarshal.AsBytes(values).ToArray());

    /// <summary>An int64 tensor entry (indices, lengths).</summary>
    public static SafeTensor FromInt64(ReadOnlySpan<long> values, params int[] shape) =>
        new("I64", shape, MemoryMarshal.AsBytes(values).ToArray());
}

/// <summary>
/// Reads and writes the safetensors format (a little-endian u64 header length, a JSON header of
/// <c>name → {dtype, shape, data_offsets}</c> plus optional <c>__metadata__</c>, then the raw bytes),
/// the checkpoint format PyTorch users load with <c>safetensors.torch.load_file</c>. Loading checks
/// every bound, so a corrupt or truncated file is a clear error; nothing in it is executed.
/// </summary>
public static class SafeTensors
{
    private const long MaxHeaderBytes = 100L << 20;

    private static readonly Dictionary<string, int> ElementSizes = new()
    {
        ["F64"] = 8,
        ["F32"] = 4,
        ["F16"] = 2,
        ["BF16"] = 2,
        ["I64"] = 8,
        ["I32"] = 4,
        ["I16"] = 2,
        ["I8"] = 1,
        ["U8"] = 1,
        ["BOOL"] = 1,
    };

    /// <summary>Writes <paramref name="tensors"/> (and string <paramref name="metadata"/>) to <paramref name="path"/>,
    /// atomically.</summary>
    public static void Save(
        string path,
        IReadOnlyDictionary<string, SafeTensor> tensors,
        IReadOnlyDictionary<string, string>? metadata = null
    )
    {
        var header = new JsonObject();
        if (metadata is { Count: > 0 })
        {
            var meta = new JsonObject();
            foreach (var (k, v) in metadata.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                meta[k] = v;
            header["__metadata__"] = meta;
        }
        long offset = 0;
        var ordered = tensors.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        foreach (var (name, t) in ordered)
        {
            if (name == "__metadata__")
                throw new ArgumentException("'__metadata__' is reserved and cannot name a tensor.");
            Validate(path, name, t.DType, t.Shape, t.Data.LongLength);
            header[name] = new JsonObject
            {
                ["dtype"] = t.DType,
                ["shape"] = new JsonArray([.. t.Shape.Select(s => (JsonNode)s)]),
                ["data_offsets"] = new JsonArray(offset, offset + t.Data.LongLength),
            };
            offset += t.Data.LongLength;
        }
        var json = Encoding.UTF8.GetBytes(header.ToJsonString());
        int padded = (json.Length + 7) / 8 * 8;
        AtomicFile.Write(path, stream =>
        {
            Span<byte> length = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(length, (ulong)padded);
            stream.Write(length);
            stream.Write(json);
            for (int i = json.Length; i < padded; i++)
                stream.WriteByte((byte)' ');
            foreach (var (_, t) in ordered)
                stream.Write(t.Data);
        });
    }

    /// <summary>Reads every tensor and the metadata of a safetensors file.</summary>
    /// <exception cref="SafeTensorsFormatException">The file is corrupt, truncated or not safetensors.</exception>
    public static (Dictionary<string, SafeTensor> Tensors, Dictionary<string, string> Metadata) Load(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < 8)
            throw new SafeTensorsFormatException(
                path,
                $"the file has {bytes.Length} bytes, fewer than the 8-byte header length."
            );
        ulong headerLength = BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        if (headerLength > MaxHeaderBytes || (long)headerLength > bytes.Length - 8)
            throw new SafeTensorsFormatException(
                path,
                $"the header claims {headerLength} bytes but the file has {bytes.Length - 8} after the length."
            );

        JsonObject header;
        try
        {
            header =
                JsonNode.Parse(bytes.AsSpan(8, (int)headerLength)) as JsonObject
                ?? throw new SafeTensorsFormatException(path, "the header is not a JSON object.");
        }
        catch (JsonException e)
        {
            throw new SafeTensorsFormatException(path, $"the header is not valid JSON ({e.Message}).");
        }

        long dataStart = 8 + (long)headerLength,
            dataLength = bytes.Length - dataStart;
        var tensors = new Dictionary<string, SafeTensor>(StringComparer.Ordinal);
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var spans = new List<(long Begin, long End, string Name)>();
        foreach (var (name, node) in header)
        {
            if (name == "__metadata__")
            {
                if (node is not JsonObject meta)
                    throw new SafeTensorsFormatException(path, "__metadata__ must be an object of strings.");
                foreach (var (k, v) in meta)
                    metadata[k] =
                        v is JsonValue sv && sv.TryGetValue(out string? s)
                            ? s
                            : throw new SafeTensorsFormatException(path, $"__metadata__['{k}'] is not a string.");
                continue;
            }
            var (dtype, shape, begin, end) = Entry(path, name, node);
            Validate(path, name, dtype, shape, end - begin);
            if (begin < 0 || end < begin || end > dataLength)
                throw new SafeTensorsFormatException(
                    path,
                    $"tensor '{name}' has data_offsets [{begin}, {end}) outside the {dataLength}-byte data "
                        + "section (truncated file?)."
                );
            spans.Add((begin, end, name));
            tensors[name] = new SafeTensor(
                dtype,
                shape,
                bytes.AsSpan((int)(dataStart + begin), (int)(end - begin)).ToArray()
            );
        }
        long covered = 0;
        foreach (var (begin, end, name) in spans.OrderBy(s => s.Begin))
        {
            if (begin != covered)
                throw new SafeTensorsFormatException(
                    path,
                    $"tensor '{name}' starts at byte {begin} but the previous data ends at {covered} (overlap or gap)."
                );
            covered = end;
        }
        if (covered != dataLength)
            throw new SafeTensorsFormatException(path, $"the tensors cover {covered} of the {dataLength} data bytes.");
        return (tensors, metadata);
    }

    private static (string DType, int[] Shape, long Begin, long End) Entry(string path, string name, JsonNode? node)
    {
        try
        {
            var o = (JsonObject)node!;
            var dtype = o["dtype"]!.GetValue<string>();
            var shape = o["shape"]!.AsArray().Select(s => s!.GetValue<int>()).ToArray();
            var offsets = o["data_offsets"]!.AsArray();
            if (offsets.Count != 2)
                throw new FormatException();
            return (dtype, shape, offsets[0]!.GetValue<long>(), offsets[1]!.GetValue<long>());
        }
        catch (Exception e)
            when (e is InvalidCastException or NullReferenceException or FormatException or InvalidOperationException)
        {
            throw new SafeTensorsFormatException(
                path,
                $"tensor '{name}' needs dtype (string), shape (integers) and data_offsets ([begin, end])."
            );
        }
    }

    private static void Validate(string path, string name, string dtype, int[] shape, long byteCount)
    {
        if (!ElementSizes.TryGetValue(dtype, out int size))
            throw new SafeTensorsFormatException(
                path,
                $"tensor '{name}' has unknown dtype '{dtype}' (expected one of {string.Join(", ", ElementSizes.Keys)})."
            );
        if (shape.Any(s => s < 0))
            throw new SafeTensorsFormatException(
                path,
                $"tensor '{name}' has a negative dimension in shape [{string.Join(", ", shape)}]."
            );
        long expected = shape.Aggregate(1L, (a, b) => checked(a * b)) * size;
        if (expected != byteCount)
            throw new SafeTensorsFormatException(
                path,
                $"tensor '{name}' ({dtype} [{string.Join(", ", shape)}]) needs {expected} bytes but has {byteCount}."
            );
    }
}
