using Lib.Tensors.Onnx;
using Onnx;

namespace Lib.Climbing.Model;

/// <summary>
/// <see cref="GradeTransformer"/> as an ONNX model (opset 17) with dynamic batch and sequence axes. Inputs:
/// <c>ids</c> int64 [batch, sequence] (token ids), <c>features</c> float [batch, sequence, F] (the tokenizer's
/// features), <c>mask</c> bool [batch, sequence] (<c>true</c> = a real token, the lab's polarity). Output:
/// <c>difficulty</c> float [batch], the standardised difficulty (difficulty = mean + std × output, the card's
/// <see cref="GradeInputs.TargetMean"/> and <see cref="GradeInputs.TargetStd"/>). Weights are named by their
/// state-dict keys.
/// </summary>
/// <example><code>
/// var signature = GradeTransformerOnnx.Save("artifacts/climbing/model", "artifacts/climbing/model.onnx");
/// </code></example>
public static class GradeTransformerOnnx
{
    /// <summary>The name of the token id input.</summary>
    public const string Ids = "ids";

    /// <summary>The name of the token feature input.</summary>
    public const string Features = "features";

    /// <summary>The name of the padding mask input.</summary>
    public const string Mask = "mask";

    /// <summary>The name of the output.</summary>
    public const string Output = "difficulty";

    /// <summary>
    /// Exports the grade model in <paramref name="modelFolder"/> (written by training) to <paramref name="path"/>
    /// (a temporary file, then a rename) and returns the model's inputs and outputs.
    /// </summary>
    public static OnnxSignature Save(string modelFolder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var network = GradeModel.Load(modelFolder).Network;
        network.Eval();
        var model = Export(network);
        OnnxExport.Save(model, path);
        return OnnxSignature.Of(model);
    }

    /// <summary>The ONNX model computing <paramref name="network"/>'s forward at inference (no dropout).</summary>
    public static ModelProto Export(GradeTransformer network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var graph = new OnnxGraph(nameof(GradeTransformer));
        OnnxDim[] tokens = [OnnxExport.Batch, OnnxExport.Sequence];
        var ids = graph.AddInput(Ids, tokens, TensorProto.Types.DataType.Int64);
        var features = graph.AddInput(Features, [OnnxExport.Batch, OnnxExport.Sequence, network.Config.FeatureCount]);
        var mask = graph.AddInput(Mask, tokens, TensorProto.Types.DataType.Bool);

        // Positions 0 … T − 1, T read from the ids' shape.
        var shape = graph.Add("Shape", [ids], "ids_shape");
        var steps = graph.Add(
            "Gather",
            [shape, graph.AddInt64Initializer("sequence_axis", [1])],
            "steps",
            OnnxAttributes.Int("axis", 0)
        );
        var zero = graph.AddInt64Initializer("zero", [0]);
        var one = graph.AddInt64Initializer("one", [1]);
        var positions = graph.Add("Range", [zero, steps, one], "positions"); // [T]

        var x = graph.Add(
            "Add",
            [
                OnnxModules.Embedding(graph, network.TokenEmbedding, ids, "token_embedding"), // [B, T, D]
                OnnxModules.Embedding(graph, network.PositionEmbedding, positions, "position_embedding"), // [T, D]
            ],
            "embedded"
        );
        x = graph.Add(
            "Add",
            [x, OnnxModules.Linear(graph, network.FeatureProjection, features, "feature_projection")],
            "embedded_with_features"
        );
        x = OnnxAttention.Encoder(graph, network.Encoder, x, mask, "encoder"); // [B, T, D]
        var cls = graph.Add("Gather", [x, zero], "cls", OnnxAttributes.Int("axis", 1)); // [B, D]
        var head = OnnxModules.Linear(graph, network.Head, cls, "head"); // [B, 1]
        var squeezed = graph.Add("Squeeze", [head, graph.AddInt64Initializer("head_axis", [1], 1)], "squeezed");
        graph.AddOutput(squeezed, Output, [OnnxExport.Batch]);
        return graph.ToModel();
    }
}
