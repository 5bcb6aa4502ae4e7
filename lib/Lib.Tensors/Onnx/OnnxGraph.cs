using System.Globalization;
using Google.Protobuf;
using Lib.Tensors.IO;
using Onnx;

namespace Lib.Tensors.Onnx;

/// <summary>
/// Builds an ONNX graph (opset 17 by default) node by node: named inputs with symbolic dimensions, weights as
/// initializers, operator nodes, named outputs. Values are referred to by name; every method that creates one
/// returns its name, made unique within the graph. <see cref="OnnxModules"/> writes the engine's modules into a
/// graph; <see cref="ToModel"/> and <see cref="Save"/> give the finished model.
/// </summary>
public sealed class OnnxGraph
{
    /// <summary>The opset a graph targets unless told otherwise (the one PyTorch 2's exporter defaults to).</summary>
    public const int DefaultOpset = 17;

    private readonly GraphProto _graph;
    private readonly HashSet<string> _names = [];
    private readonly Dictionary<string, int> _counters = [];
    private readonly Dictionary<float, string> _scalars = [];

    /// <summary>Starts an empty graph called <paramref name="name"/>.</summary>
    public OnnxGraph(string name = "main")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        _graph = new GraphProto { Name = name };
    }

    /// <summary>
    /// Declares a graph input. <paramref name="dims"/> mixes fixed sizes and symbolic names
    /// (<c>"batch", 4</c>); <paramref name="elementType"/> is float unless given (token ids are int64).
    /// </summary>
    public string AddInput(
        string name,
        IReadOnlyList<OnnxDim> dims,
        TensorProto.Types.DataType elementType = TensorProto.Types.DataType.Float
    )
    {
        ArgumentNullException.ThrowIfNull(dims);
        Claim(name);
        _graph.Input.Add(ValueInfo(name, dims, elementType));
        return name;
    }

    /// <summary>
    /// Declares <paramref name="value"/> a graph output called <paramref name="name"/> (an <c>Identity</c> node
    /// renames it when the names differ); <paramref name="dims"/> documents its shape for readers of the model
    /// (null: the type only).
    /// </summary>
    public string AddOutput(
        string value,
        string name,
        IReadOnlyList<OnnxDim>? dims = null,
        TensorProto.Types.DataType elementType = TensorProto.Types.DataType.Float
    )
    {
        if (!_names.Contains(value))
            throw new ArgumentException($"The graph has no value named '{value}' to output.", nameof(value));
        if (value != name)
        {
            Claim(name);
            _graph.Node.Add(Node("Identity", [value], [name], UniqueName("output"), []));
        }
        _graph.Output.Add(ValueInfo(name, dims, elementType));
        return name;
    }

    /// <summary>Adds a float weight (copied now) as an initializer with a unique name based on
    /// <paramref name="name"/>.</summary>
    public string AddInitializer(string name, Tensor value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return AddInitializer(name, value.Data, [.. value.Shape]);
    }

    /// <summary>Adds float values of shape <paramref name="dims"/> as an initializer.</summary>
    public string AddInitializer(string name, ReadOnlySpan<float> values, int[] dims)
    {
        ArgumentNullException.ThrowIfNull(dims);
        CheckFills(name, values.Length, dims);
        var unique = UniqueName(name);
        var proto = new TensorProto
        {
            Name = unique,
            DataType = (int)TensorProto.Types.DataType.Float,
            RawData = ByteString.CopyFrom(System.Runtime.InteropServices.MemoryMarshal.AsBytes(values)),
        };
        proto.Dims.AddRange(dims.Select(d => (long)d));
        _graph.Initializer.Add(proto);
        return unique;
    }

    /// <summary>Adds int64 values of shape <paramref name="dims"/> (shapes, axes, indices) as an
    /// initializer.</summary>
    public string AddInt64Initializer(string name, long[] values, params int[] dims)
    {
        ArgumentNullException.ThrowIfNull(values);
        CheckFills(name, values.Length, dims);
        var unique = UniqueName(name);
        var proto = new TensorProto { Name = unique, DataType = (int)TensorProto.Types.DataType.Int64 };
        proto.Dims.AddRange(dims.Select(d => (long)d));
        proto.Int64Data.AddRange(values);
        _graph.Initializer.Add(proto);
        return unique;
    }

    /// <summary>A float scalar constant (one initializer per value, shared by every node that asks).</summary>
    public string Scalar(float value)
    {
        if (!_scalars.TryGetValue(value, out var name))
            _scalars[value] = name = AddInitializer("const", [value], []);
        return name;
    }

    /// <summary>
    /// Adds a node of operator <paramref name="opType"/> reading <paramref name="inputs"/> (an empty string is
    /// an omitted optional input) and returns its single output's name, unique and based on
    /// <paramref name="outputHint"/>.
    /// </summary>
    public string Add(string opType, string[] inputs, string? outputHint = null, params AttributeProto[] attributes) =>
        AddMulti(opType, inputs, 1, outputHint, attributes)[0];

    /// <summary>Adds a node with <paramref name="outputs"/> outputs and returns their names.</summary>
    public string[] AddMulti(
        string opType,
        string[] inputs,
        int outputs,
        string? outputHint = null,
        params AttributeProto[] attributes
    )
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(opType);
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
            if (input.Length > 0 && !_names.Contains(input))
                throw new ArgumentException($"{opType}: the graph has no value named '{input}'.", nameof(inputs));
        var hint = outputHint ?? opType.ToLowerInvariant();
        var names = new string[outputs];
        for (int i = 0; i < outputs; i++)
            names[i] = UniqueName(outputs == 1 ? hint : $"{hint}_{i}");
        _graph.Node.Add(Node(opType, inputs, names, UniqueName(opType), attributes));
        return names;
    }

    /// <summary>The model: this graph, the default ONNX domain at <paramref name="opset"/>, IR version 8.</summary>
    public ModelProto ToModel(int opset = DefaultOpset, string producer = "Lib.Tensors")
    {
        if (opset < DefaultOpset)
            throw new ArgumentOutOfRangeException(
                nameof(opset),
                $"The exporter writes opset {DefaultOpset} operators (LayerNormalization); got opset {opset}."
            );
        var model = new ModelProto
        {
            IrVersion = (long)global::Onnx.Version.IrVersion2021730, // IR 8: opset 17's release
            ProducerName = producer,
            Graph = _graph.Clone(),
        };
        model.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = opset });
        return model;
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (a temporary file, then a
    /// rename).</summary>
    public static void Save(ModelProto model, string path)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        AtomicFile.Write(path, model.WriteTo);
    }

    /// <summary>A name not yet used in the graph, <paramref name="hint"/> or <c>hint_N</c>; reserves it.</summary>
    public string UniqueName(string hint)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hint);
        if (_names.Add(hint))
            return hint;
        _counters.TryGetValue(hint, out int n);
        string name;
        do name = hint + "_" + (++n).ToString(CultureInfo.InvariantCulture);
        while (!_names.Add(name));
        _counters[hint] = n;
        return name;
    }

    private static void CheckFills(string name, int count, int[] dims)
    {
        if (Tensor.ShapeSize(dims) != count)
            throw new ArgumentException(
                $"Initializer '{name}': {count} values do not fill shape {Tensor.ShapeText(dims)}.",
                "values"
            );
    }

    private void Claim(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (!_names.Add(name))
            throw new ArgumentException($"The graph already has a value named '{name}'.", nameof(name));
    }

    private static NodeProto Node(
        string opType,
        string[] inputs,
        string[] outputs,
        string name,
        AttributeProto[] attributes
    )
    {
        var node = new NodeProto { OpType = opType, Name = name };
        node.Input.AddRange(inputs);
        node.Output.AddRange(outputs);
        node.Attribute.AddRange(attributes);
        return node;
    }

    private static ValueInfoProto ValueInfo(
        string name,
        IReadOnlyList<OnnxDim>? dims,
        TensorProto.Types.DataType elementType
    )
    {
        var tensorType = new TypeProto.Types.Tensor { ElemType = (int)elementType };
        var info = new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = tensorType },
        };
        if (dims is null)
            return info;
        var shape = new TensorShapeProto();
        foreach (var dim in dims)
            shape.Dim.Add(
                dim.Symbol is { } symbol
                    ? new TensorShapeProto.Types.Dimension { DimParam = symbol }
                    : new TensorShapeProto.Types.Dimension { DimValue = dim.Size!.Value }
            );
        tensorType.Shape = shape;
        return info;
    }
}
