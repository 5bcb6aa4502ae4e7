using Google.Protobuf;
using Lib.Tensors;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Onnx;
using Tensor = Lib.Tensors.Tensor;

namespace Lib.Workflow;

/// <summary>
/// Runs an exported model (<c>lab &lt;sport&gt; export --onnx</c>, or a <see cref="ModelProto"/> in memory) in ONNX
/// Runtime on engine tensors: float tensors as float, index tensors as int64 and 0/1 masks as bool (1 = true), the
/// ONNX types the lab's exports declare. Inputs are named one by one, then <see cref="Run"/> computes an output.
/// </summary>
/// <example><code>
/// using var session = new OnnxModelSession("artifacts/climbing/grade.onnx");
/// var difficulty = session.Int64("ids", batch.Ids).Float("features", batch.Features).Bool("mask", batch.Mask)
///     .Run("difficulty");
/// </code></example>
public sealed class OnnxModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly List<NamedOnnxValue> _inputs = [];

    /// <summary>Loads the ONNX file at <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">There is no such file.</exception>
    public OnnxModelSession(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
            throw new FileNotFoundException($"No ONNX model at {path}.", path);
        _session = new InferenceSession(path);
    }

    /// <summary>Loads <paramref name="model"/> as a file would hold it.</summary>
    public OnnxModelSession(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _session = new InferenceSession(model.ToByteArray());
    }

    /// <summary>The model's input names, in order.</summary>
    public IReadOnlyList<string> InputNames => [.. _session.InputMetadata.Keys];

    /// <summary>The model's output names, in order.</summary>
    public IReadOnlyList<string> OutputNames => [.. _session.OutputMetadata.Keys];

    /// <summary>Gives the float input <paramref name="name"/>.</summary>
    public OnnxModelSession Float(string name, Tensor t) =>
        Add(name, new DenseTensor<float>(t.ToArray(), [.. t.Shape]));

    /// <summary>Gives the int64 input <paramref name="name"/>.</summary>
    public OnnxModelSession Int64(string name, IndexTensor t) =>
        Add(name, new DenseTensor<long>(Array.ConvertAll(t.ToArray(), v => (long)v), [.. t.Shape]));

    /// <summary>Gives the bool input <paramref name="name"/> from a 0/1 tensor (non-zero = true).</summary>
    public OnnxModelSession Bool(string name, Tensor t) =>
        Add(name, new DenseTensor<bool>(Array.ConvertAll(t.ToArray(), v => v != 0f), [.. t.Shape]));

    /// <summary>Runs the model on the inputs given so far (then forgets them) and returns the float output
    /// <paramref name="output"/>.</summary>
    /// <exception cref="ArgumentException">The model has no output of that name (the message lists its
    /// outputs).</exception>
    public Tensor Run(string output)
    {
        if (!_session.OutputMetadata.ContainsKey(output))
            throw new ArgumentException(
                $"The model has no output '{output}'; its outputs are {string.Join(", ", OutputNames)}.",
                nameof(output)
            );
        try
        {
            using var results = _session.Run(_inputs, [output]);
            var tensor = results[0].AsTensor<float>();
            return Tensor.FromArray(tensor.ToArray(), [.. tensor.Dimensions]);
        }
        finally
        {
            _inputs.Clear();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _session.Dispose();

    private OnnxModelSession Add<T>(string name, DenseTensor<T> value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_session.InputMetadata.ContainsKey(name))
            throw new ArgumentException(
                $"The model has no input '{name}'; its inputs are {string.Join(", ", InputNames)}.",
                nameof(name)
            );
        _inputs.Add(NamedOnnxValue.CreateFromTensor(name, value));
        return this;
    }
}
