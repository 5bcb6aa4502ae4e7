using System.Buffers.Binary;
using System.Text;
using Lib.Tensors.IO;

namespace Lib.Tensors.Tests.IO;

public class SafeTensorsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("lab-st-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PathOf(string name) => Path.Combine(_dir, name);

    [Fact]
    public void Round_trips_tensors_and_metadata()
    {
        var path = PathOf("model.safetensors");
        SafeTensors.Save(path, new Dictionary<string, SafeTensor>
        {
            ["lstm.weight_ih_l0"] = SafeTensor.FromFloat32([1f, -2.5f, 3f, 0.125f, 5f, 6f], 2, 3),
            ["lengths"] = SafeTensor.FromInt64([3, 1], 2),
            ["empty"] = SafeTensor.FromFloat32([], 0, 4),
        }, new Dictionary<string, string> { ["format"] = "pt" });

        var (tensors, metadata) = SafeTensors.Load(path);
        Assert.Equal([2, 3], tensors["lstm.weight_ih_l0"].Shape);
        Assert.Equal([1f, -2.5f, 3f, 0.125f, 5f, 6f], tensors["lstm.weight_ih_l0"].ToFloat32());
        Assert.Equal("I64", tensors["lengths"].DType);
        Assert.Equal([3f, 1f], tensors["lengths"].ToFloat32());
        Assert.Equal(0, tensors["empty"].NumEl);
        Assert.Equal("pt", metadata["format"]);
    }

    [Fact]
    public void Writes_the_exact_layout_of_the_format()
    {
        var path = PathOf("one.safetensors");
        SafeTensors.Save(path, new Dictionary<string, SafeTensor> { ["w"] = SafeTensor.FromFloat32([1f, 2f], 2) });
        var bytes = File.ReadAllBytes(path);
        var n = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes);
        Assert.Equal(0, n % 8);
        Assert.Equal("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", Encoding.UTF8.GetString(bytes, 8, n).TrimEnd(' '));
        Assert.Equal(8 + n + 8, bytes.Length);
        Assert.Equal(2f, BitConverter.ToSingle(bytes, 8 + n + 4));
    }

    [Fact]
    public void Reads_a_file_written_by_hand_with_other_dtypes()
    {
        // Built byte by byte from the format description: F16 [1.5, -2], BF16 [3], F64 [0.25].
        var header = """{"__metadata__":{"note":"hand"},"h":{"dtype":"F16","shape":[2],"data_offsets":[0,4]},"b":{"dtype":"BF16","shape":[1],"data_offsets":[4,6]},"d":{"dtype":"F64","shape":[],"data_offsets":[6,14]}}""";
        var json = Encoding.UTF8.GetBytes(header);
        var data = new byte[14];
        BinaryPrimitives.WriteHalfLittleEndian(data, (Half)1.5f);
        BinaryPrimitives.WriteHalfLittleEndian(data.AsSpan(2), (Half)(-2f));
        BinaryPrimitives.WriteUInt16LittleEndian(data.AsSpan(4), (ushort)(BitConverter.SingleToInt32Bits(3f) >> 16));
        BinaryPrimitives.WriteDoubleLittleEndian(data.AsSpan(6), 0.25);
        File.WriteAllBytes(PathOf("hand.safetensors"), [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. data]);

        var (t, meta) = SafeTensors.Load(PathOf("hand.safetensors"));
        Assert.Equal([1.5f, -2f], t["h"].ToFloat32());
        Assert.Equal([3f], t["b"].ToFloat32());
        Assert.Equal([0.25f], t["d"].ToFloat32());
        Assert.Empty(t["d"].Shape);
        Assert.Equal("hand", meta["note"]);
    }

    public static TheoryData<string, byte[], string> Corrupt()
    {
        static byte[] File(string header, int dataBytes)
        {
            var json = Encoding.UTF8.GetBytes(header);
            return [.. BitConverter.GetBytes((ulong)json.Length), .. json, .. new byte[dataBytes]];
        }
        return new TheoryData<string, byte[], string>
        {
            { "tiny", [1, 2, 3], "fewer than the 8-byte header length" },
            { "huge-header", [.. BitConverter.GetBytes(1UL << 40), 0, 0], "the header claims" },
            { "not-json", File("{nope", 0), "not valid JSON" },
            { "dtype", File("""{"w":{"dtype":"F99","shape":[1],"data_offsets":[0,4]}}""", 4), "unknown dtype 'F99'" },
            { "size", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,4]}}""", 4), "needs 8 bytes but has 4" },
            { "truncated", File("""{"w":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}""", 5), "outside the 5-byte data section" },
            { "overlap", File("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]},"b":{"dtype":"F32","shape":[1],"data_offsets":[2,6]}}""", 6), "overlap or gap" },
            { "extra", File("""{"a":{"dtype":"F32","shape":[1],"data_offsets":[0,4]}}""", 9), "cover 4 of the 9 data bytes" },
            { "fields", File("""{"a":{"dtype":"F32"}}""", 0), "needs dtype (string), shape (integers) and data_offsets" },
        };
    }

    [Theory]
    [MemberData(nameof(Corrupt))]
    public void Corrupt_files_are_clear_errors(string name, byte[] bytes, string expected)
    {
        var path = PathOf(name + ".safetensors");
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<SafeTensorsFormatException>(() => SafeTensors.Load(path));
        Assert.Contains(expected, e.Message);
        Assert.StartsWith(path, e.Message);
    }

    [Fact]
    public void Saving_a_tensor_whose_bytes_do_not_match_its_shape_fails_before_writing()
    {
        var path = PathOf("bad.safetensors");
        Assert.Throws<SafeTensorsFormatException>(() =>
            SafeTensors.Save(path, new Dictionary<string, SafeTensor> { ["w"] = new("F32", [3], new byte[8]) }));
        Assert.False(File.Exists(path));
    }
}
