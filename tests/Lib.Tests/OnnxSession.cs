using Google.Protobuf;
using Lib.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using Tensor = Lib.Tensors.Tensor;

namespace Lib.Tests;

/// <summary>Runs an exported sport model in ONNX Runtime on engine tensors: floats as float, index tensors as int64,
/// 0/1 masks as bool (1 = true).</summary>
internal sealed class OnnxSession(ModelProto model) : IDisposable
{
    private readonly InferenceSession _session = new(model.ToByteArray());
    private readonly List<NamedOnnxValue> _inputs = [];

    public OnnxSession Float(string name, Tensor t) => Add(name, new DenseTensor<float>(t.ToArray(), [.. t.Shape]));

    public OnnxSession Int64(string name, IndexTensor t) =>
        Add(name, new DenseTensor<long>(Array.ConvertAll(t.ToArray(), v => (long)v), [.. t.Shape]));

    public OnnxSession Bool(string name, Tensor t) =>
        Add(name, new DenseTensor<bool>(Array.ConvertAll(t.ToArray(), v => v != 0f), [.. t.Shape]));

    /// <summary>Runs the model on the inputs given so far (then forgets them) and returns the named output.</summary>
    public Tensor Run(string output)
    {
        using var results = _session.Run(_inputs);
        _inputs.Clear();
        var tensor = results.Single(r => r.Name == output).AsTensor<float>();
        return Tensor.FromArray(tensor.ToArray(), [.. tensor.Dimensions]);
    }

    public void Dispose() => _session.Dispose();

    /// <summary>Each element of <paramref name="actual"/> (ONNX Runtime's) within 1e-5 (relative above 1) of
    /// <paramref name="expected"/> (the engine's); <paramref name="what"/> names the row in a failure.</summary>
    public static void AssertClose(Tensor expected, Tensor actual, Func<int, string> what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.NumEl; i++)
            Assert.True(
                Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-5f * (1 + Math.Abs(expected.Data[i])),
                $"{what(i)}: engine {expected.Data[i]:G9}, ONNX Runtime {actual.Data[i]:G9}"
            );
    }

    private OnnxSession Add<T>(string name, DenseTensor<T> value)
    {
        _inputs.Add(NamedOnnxValue.CreateFromTensor(name, value));
        return this;
    }
}
