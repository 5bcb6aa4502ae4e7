using Lib.Tensors.NN;
using Onnx;

namespace Lib.Tensors.Onnx;

/// <summary>
/// One-call exports of the engine's modules to ONNX models (opset 17) with named inputs and outputs and a dynamic
/// batch axis (<c>"batch"</c>); <see cref="Save"/> writes one to a file. For a graph of one's own, use
/// <see cref="OnnxGraph"/> with the rules of <see cref="OnnxModules"/> and <see cref="OnnxRecurrent"/>.
/// </summary>
/// <example><code>
/// var model = OnnxExport.Module(net, ["batch", 4]);   // input "input" [batch, 4] → output "output"
/// OnnxExport.Save(model, "artifacts/models/net.onnx");
/// </code></example>
public static class OnnxExport
{
    /// <summary>The symbolic name of the batch dimension in exported models.</summary>
    public const string Batch = "batch";

    /// <summary>The symbolic name of the sequence dimension in exported models.</summary>
    public const string Sequence = "sequence";

    /// <summary>
    /// A model computing <paramref name="module"/> on one float input of shape <paramref name="inputShape"/>
    /// (<c>["batch", 4]</c>, <c>["batch", "sequence", 16]</c>), named <paramref name="inputName"/>, with one output
    /// named <paramref name="outputName"/>.
    /// </summary>
    public static ModelProto Module(
        Module<Tensor, Tensor> module,
        IReadOnlyList<OnnxDim> inputShape,
        string inputName = "input",
        string outputName = "output"
    )
    {
        var graph = new OnnxGraph(module.GetType().Name);
        var input = graph.AddInput(inputName, inputShape);
        graph.AddOutput(OnnxModules.Emit(graph, module, input), outputName);
        return graph.ToModel();
    }

    /// <summary>An embedding table: int64 ids [batch, sequence] named <paramref name="inputName"/> → vectors
    /// [batch, sequence, embeddingDim].</summary>
    public static ModelProto Embedding(Embedding embedding, string inputName = "input", string outputName = "output")
    {
        ArgumentNullException.ThrowIfNull(embedding);
        var graph = new OnnxGraph(nameof(Embedding));
        var ids = graph.AddInput(inputName, [Batch, "sequence"], TensorProto.Types.DataType.Int64);
        var vectors = OnnxModules.Embedding(graph, embedding, ids);
        graph.AddOutput(vectors, outputName, [Batch, "sequence", embedding.EmbeddingDim]);
        return graph.ToModel();
    }

    /// <summary>
    /// An LSTM: input <c>input</c> ([batch, sequence, F] when batch-first, else [sequence, batch, F]) and, with
    /// <paramref name="withLengths"/>, int64 <c>lengths</c> [batch]; outputs <c>output</c>, <c>h_n</c>,
    /// <c>c_n</c> as the engine's <see cref="LSTM.Forward"/> returns them.
    /// </summary>
    public static ModelProto Lstm(LSTM lstm, bool withLengths = false)
    {
        ArgumentNullException.ThrowIfNull(lstm);
        var (graph, input, lengths) = RecurrentInputs(lstm, withLengths);
        var (output, h, c) = OnnxRecurrent.Lstm(graph, lstm, input, lengths);
        AddRecurrentOutputs(graph, lstm, output, h, c);
        return graph.ToModel();
    }

    /// <summary>
    /// A GRU: input <c>input</c> ([batch, sequence, F] when batch-first, else [sequence, batch, F]) and, with
    /// <paramref name="withLengths"/>, int64 <c>lengths</c> [batch]; outputs <c>output</c> and <c>h_n</c>.
    /// </summary>
    public static ModelProto Gru(GRU gru, bool withLengths = false)
    {
        ArgumentNullException.ThrowIfNull(gru);
        var (graph, input, lengths) = RecurrentInputs(gru, withLengths);
        var (output, h) = OnnxRecurrent.Gru(graph, gru, input, lengths);
        AddRecurrentOutputs(graph, gru, output, h, null);
        return graph.ToModel();
    }

    /// <summary>
    /// Self-attention <c>mha(x, x, x)</c>: input <c>input</c> ([batch, sequence, E] when batch-first, else
    /// [sequence, batch, E]) and, with <paramref name="withMask"/>, bool <c>mask</c> [batch, sequence]
    /// (<c>true</c> = a real token); output <c>output</c>, shaped like the input.
    /// </summary>
    public static ModelProto SelfAttention(MultiheadAttention mha, bool withMask = false)
    {
        ArgumentNullException.ThrowIfNull(mha);
        return SequenceModel(nameof(MultiheadAttention), mha.BatchFirst, mha.EmbedDim, withMask, (graph, input, mask) =>
            OnnxAttention.SelfAttention(graph, mha, input, mask)
        );
    }

    /// <summary>
    /// A Transformer encoder layer: input <c>input</c> ([batch, sequence, d_model] when batch-first, else
    /// [sequence, batch, d_model]) and, with <paramref name="withMask"/>, bool <c>mask</c> [batch, sequence]
    /// (<c>true</c> = a real token); output <c>output</c>, shaped like the input.
    /// </summary>
    public static ModelProto TransformerEncoderLayer(TransformerEncoderLayer layer, bool withMask = false)
    {
        ArgumentNullException.ThrowIfNull(layer);
        return SequenceModel(
            nameof(TransformerEncoderLayer),
            layer.BatchFirst,
            layer.DModel,
            withMask,
            (graph, input, mask) => OnnxAttention.EncoderLayer(graph, layer, input, mask)
        );
    }

    /// <summary>
    /// A Transformer encoder (its layers, then its norm): input <c>input</c> ([batch, sequence, d_model] when
    /// batch-first, else [sequence, batch, d_model]) and, with <paramref name="withMask"/>, bool <c>mask</c>
    /// [batch, sequence] (<c>true</c> = a real token); output <c>output</c>, shaped like the input.
    /// </summary>
    public static ModelProto TransformerEncoder(TransformerEncoder encoder, bool withMask = false)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        return SequenceModel(
            nameof(TransformerEncoder),
            encoder.Layers[0].BatchFirst,
            encoder.Layers[0].DModel,
            withMask,
            (graph, input, mask) => OnnxAttention.Encoder(graph, encoder, input, mask)
        );
    }

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> (a temporary file, then a rename).</summary>
    public static void Save(ModelProto model, string path) => OnnxGraph.Save(model, path);

    /// <summary>A model of one sequence input <c>input</c> (and an optional bool <c>mask</c>) whose output
    /// <c>output</c> is shaped like the input.</summary>
    private static ModelProto SequenceModel(
        string name,
        bool batchFirst,
        int width,
        bool withMask,
        Func<OnnxGraph, string, string?, string> body
    )
    {
        OnnxDim[] shape = batchFirst ? [Batch, Sequence, width] : [Sequence, Batch, width];
        var graph = new OnnxGraph(name);
        var input = graph.AddInput("input", shape);
        var mask = withMask ? graph.AddInput("mask", [Batch, Sequence], TensorProto.Types.DataType.Bool) : null;
        graph.AddOutput(body(graph, input, mask), "output", shape);
        return graph.ToModel();
    }

    private static (OnnxGraph Graph, string Input, string? Lengths) RecurrentInputs(RNNBase rnn, bool withLengths)
    {
        var graph = new OnnxGraph(rnn.GetType().Name);
        OnnxDim[] shape = rnn.BatchFirst ? [Batch, "sequence", rnn.InputSize] : ["sequence", Batch, rnn.InputSize];
        var input = graph.AddInput("input", shape);
        var lengths = withLengths ? graph.AddInput("lengths", [Batch], TensorProto.Types.DataType.Int64) : null;
        return (graph, input, lengths);
    }

    private static void AddRecurrentOutputs(OnnxGraph graph, RNNBase rnn, string output, string h, string? c)
    {
        int width = rnn.NumDirections * rnn.HiddenSize,
            layers = rnn.NumLayers * rnn.NumDirections;
        OnnxDim[] outputShape = rnn.BatchFirst ? [Batch, "sequence", width] : ["sequence", Batch, width];
        graph.AddOutput(output, "output", outputShape);
        graph.AddOutput(h, "h_n", [layers, Batch, rnn.HiddenSize]);
        if (c is not null)
            graph.AddOutput(c, "c_n", [layers, Batch, rnn.HiddenSize]);
    }
}
