using System.Globalization;
using Onnx;

namespace Lib.Tensors.Onnx;

/// <summary>
/// What a host must feed an ONNX model and what it gets back: each graph input and output with its element type and
/// shape (symbolic dimensions by name), as <c>lab … export --onnx</c> prints them.
/// </summary>
/// <param name="Inputs">The graph inputs, in order.</param>
/// <param name="Outputs">The graph outputs, in order.</param>
public sealed record OnnxSignature(
    IReadOnlyList<OnnxSignature.Value> Inputs,
    IReadOnlyList<OnnxSignature.Value> Outputs
)
{
    /// <summary>One input or output: <c>ids int64 [batch, sequence]</c>.</summary>
    /// <param name="Name">The value's name.</param>
    /// <param name="ElementType">The element type in lower case (<c>float</c>, <c>int64</c>, <c>bool</c>).</param>
    /// <param name="Shape">Each dimension: a symbolic name or a size (empty when the model does not say).</param>
    public sealed record Value(string Name, string ElementType, IReadOnlyList<string> Shape)
    {
        /// <summary><c>name type [d0, d1, …]</c>.</summary>
        public override string ToString() => $"{Name} {ElementType} [{string.Join(", ", Shape)}]";
    }

    /// <summary>The inputs and outputs of <paramref name="model"/>'s graph.</summary>
    public static OnnxSignature Of(ModelProto model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return new([.. model.Graph.Input.Select(Describe)], [.. model.Graph.Output.Select(Describe)]);
    }

    private static Value Describe(ValueInfoProto info)
    {
        var tensor = info.Type?.TensorType;
        var type = tensor is null ? "?" : ((TensorProto.Types.DataType)tensor.ElemType).ToString().ToLowerInvariant();
        IReadOnlyList<string> shape = tensor?.Shape is { } s
            ?
            [
                .. s.Dim.Select(d =>
                    d.DimParam.Length > 0 ? d.DimParam : d.DimValue.ToString(CultureInfo.InvariantCulture)
                ),
            ]
            : [];
        return new(info.Name, type, shape);
    }
}
