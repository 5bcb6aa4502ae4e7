using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;

namespace Lib.Tensors.Tests.Onnx;

/// <summary>Runs an exported model in ONNX Runtime and hands its outputs back as engine tensors.</summary>
internal static class OnnxRun
{
    /// <summary>Loads <paramref name="model"/> (serialised, as a file would hold it) and runs it on the named float,
    /// int64 and bool (a 0/1 float tensor, 1 = true) inputs; returns every output by name.</summary>
    public static Dictionary<string, Tensor> Run(
        ModelProto model,
        IReadOnlyDictionary<string, Tensor>? floats = null,
        IReadOnlyDictionary<string, IndexTensor>? ids = null,
        IReadOnlyDictionary<string, Tensor>? bools = null
    )
    {
        using var session = new InferenceSession(model.ToByteArray());
        return Run(session, floats, ids, bools);
    }

    public static Dictionary<string, Tensor> Run(
        InferenceSession session,
        IReadOnlyDictionary<string, Tensor>? floats = null,
        IReadOnlyDictionary<string, IndexTensor>? ids = null,
        IReadOnlyDictionary<string, Tensor>? bools = null
    )
    {
        var inputs = new List<NamedOnnxValue>();
        foreach (var (name, t) in bools ?? new Dictionary<string, Tensor>())
            inputs.Add(
                NamedOnnxValue.CreateFromTensor(
                    name,
                    new DenseTensor<bool>(Array.ConvertAll(t.ToArray(), v => v != 0f), [.. t.Shape])
                )
            );
        foreach (var (name, t) in floats ?? new Dictionary<string, Tensor>())
            inputs.Add(NamedOnnxValue.CreateFromTensor(name, new DenseTensor<float>(t.ToArray(), [.. t.Shape])));
        foreach (var (name, t) in ids ?? new Dictionary<string, IndexTensor>())
            inputs.Add(
                NamedOnnxValue.CreateFromTensor(
                    name,
                    new DenseTensor<long>(Array.ConvertAll(t.ToArray(), v => (long)v), [.. t.Shape])
                )
            );
        using var results = session.Run(inputs);
        return results.ToDictionary(
            r => r.Name,
            r =>
            {
                var tensor = r.AsTensor<float>();
                return Tensor.FromArray(tensor.ToArray(), [.. tensor.Dimensions]);
            }
        );
    }
}
