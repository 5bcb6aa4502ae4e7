using Lib.Tensors.Onnx;
using Lib.Track.Dataset;
using Onnx;

namespace Lib.Track.Model;

/// <summary>
/// <see cref="HierarchicalLstm"/> as an ONNX model (opset 17) whose inputs are the fields of a
/// <see cref="TrackBatch"/> that <see cref="HierarchicalLstm.Forward"/> reads, so a host collates windows the way
/// <see cref="TrackBatch.Collate"/> does. Dynamic axes: <c>batch</c> (N windows), <c>seasons</c> (S real seasons
/// in the batch), <c>marks</c> (T, the longest season). Inputs: <c>marks</c> float [seasons, marks, 3],
/// <c>mark_lengths</c> int64 [seasons] (at least 1), <c>season_slots</c> int64 [batch, K] (the row of
/// <c>marks</c> in each slot, oldest first, or S for an empty slot), <c>season_counts</c> int64 [batch],
/// <c>season_labels</c> int64 [batch, K], <c>target_label</c> int64 [batch], <c>event</c> int64 [batch],
/// <c>summary</c> float [batch, 2], <c>base</c> float [batch]. Output: <c>forecast</c> float [batch], in z-space: the
/// network's (an ensemble's first member), before the card's <see cref="FamilyBlend"/>.
/// </summary>
/// <example><code>
/// var (model, signature) = HierarchicalLstmOnnx.Save("artifacts/track/model", "women", "track-women.onnx");
/// </code></example>
public static class HierarchicalLstmOnnx
{
    /// <summary>The name of the output.</summary>
    public const string Output = "forecast";

    /// <summary>
    /// Exports the model <paramref name="modelFolder"/> names (<see cref="TrackModels.Open"/>: a model folder, or
    /// the folder of the <c>men/</c> and <c>women/</c> models with <paramref name="gender"/> choosing one) to
    /// <paramref name="path"/> (a temporary file, then a rename); returns the model exported and its inputs and
    /// outputs.
    /// </summary>
    public static (TrackModel Model, OnnxSignature Signature) Save(string modelFolder, string? gender, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var trained = TrackModels.Open(modelFolder, gender);
        trained.Network.Eval();
        var model = Export(trained.Network);
        OnnxExport.Save(model, path);
        return (trained, OnnxSignature.Of(model));
    }

    /// <summary>The ONNX model computing <paramref name="network"/>'s forward at inference (no dropout).</summary>
    public static ModelProto Export(HierarchicalLstm network)
    {
        ArgumentNullException.ThrowIfNull(network);
        const TensorProto.Types.DataType Int64 = TensorProto.Types.DataType.Int64;
        var config = network.Config;
        int k = config.Seasons;
        var graph = new OnnxGraph(nameof(HierarchicalLstm));
        const string Batch = OnnxExport.Batch;
        var marks = graph.AddInput("marks", ["seasons", "marks", WindowEncoder.Features]);
        var markLengths = graph.AddInput("mark_lengths", ["seasons"], Int64);
        var slots = graph.AddInput("season_slots", [Batch, k], Int64);
        var counts = graph.AddInput("season_counts", [Batch], Int64);
        var labels = graph.AddInput("season_labels", [Batch, k], Int64);
        var targetLabel = graph.AddInput("target_label", [Batch], Int64);
        var events = graph.AddInput("event", [Batch], Int64);
        var summary = graph.AddInput("summary", [Batch, WindowEncoder.SummaryFeatures]);
        var bases = graph.AddInput("base", [Batch]);

        var last = graph.AddInt64Initializer("last_layer", [-1]);
        // h_n [1, N, H] → [N, H]
        string LastHidden(string h, string name) => graph.Add("Gather", [h, last], name, OnnxAttributes.Int("axis", 0));

        var (_, hSeason, _) = OnnxRecurrent.Lstm(graph, network.SeasonLstm, marks, markLengths, "season_lstm");
        var seasons = LastHidden(hSeason, "seasons"); // [S, H1]
        var emptySlot = graph.AddInitializer("empty_slot", new float[config.SeasonHidden], [1, config.SeasonHidden]);
        var padded = graph.Add("Concat", [seasons, emptySlot], "seasons_padded", OnnxAttributes.Int("axis", 0));
        var slotted = graph.Add("Gather", [padded, slots], "slots", OnnxAttributes.Int("axis", 0)); // [N, K, H1]
        var labelTable = graph.AddInitializer("label_embedding.weight", network.LabelEmbedding.Weight);
        string Label(string ids, string name) =>
            graph.Add("Gather", [labelTable, ids], name, OnnxAttributes.Int("axis", 0));
        var labelled = Label(labels, "season_label_vectors"); // [N, K, E]
        var across = graph.Add("Concat", [slotted, labelled], "across_input", OnnxAttributes.Int("axis", 2));
        var (_, hAcross, _) = OnnxRecurrent.Lstm(graph, network.AcrossLstm, across, counts, "across_lstm");
        var history = LastHidden(hAcross, "history"); // [N, H2]
        var target = Label(targetLabel, "target_label_vector"); // [N, E]
        var head = graph.Add("Concat", [history, target, summary], "head_input", OnnxAttributes.Int("axis", 1));
        var change = Heads(graph, network.Heads, head, events); // [N]
        graph.AddOutput(graph.Add("Add", [bases, change], "forecast_z"), Output, [Batch]);
        return graph.ToModel();
    }

    /// <summary>Each sample through its event's head (<see cref="EventHeads.Forward"/>): the stacked weights
    /// gathered by event, x [N, D] → [N].</summary>
    private static string Heads(OnnxGraph graph, EventHeads heads, string x, string events)
    {
        var state = heads.StateDict();
        string Gathered(string key) =>
            graph.Add(
                "Gather",
                [graph.AddInitializer("heads." + key, state[key]), events],
                "heads." + key + "_by_event",
                OnnxAttributes.Int("axis", 0)
            );
        var featureAxis = graph.AddInt64Initializer("heads.feature_axis", [1], 1);
        string SumOverFeatures(string value, string name) =>
            graph.Add("ReduceSum", [value, featureAxis], name, OnnxAttributes.Int("keepdims", 0));
        if (heads.Norm is { } norm)
            x = OnnxModules.LayerNorm(graph, norm, x, "heads.norm");
        if (heads.Kind == HeadKind.Mlp32)
        {
            var column = graph.Add("Unsqueeze", [x, graph.AddInt64Initializer("heads.column_axis", [2], 1)], "heads.x");
            var product = graph.Add("Mul", [column, Gathered("weight1")], "heads.product1"); // [N, D, 32]
            var hidden = graph.Add("Add", [SumOverFeatures(product, "heads.sum1"), Gathered("bias1")], "heads.h1");
            x = graph.Add("Relu", [hidden], "heads.hidden"); // [N, 32]
        }
        bool mlp = heads.Kind == HeadKind.Mlp32;
        var weight = Gathered(mlp ? "weight2" : "weight"); // [N, D']
        var bias = Gathered(mlp ? "bias2" : "bias"); // [N]
        if (heads.Shared)
        {
            weight = graph.Add(
                "Add",
                [weight, graph.AddInitializer("heads.shared_weight", state["shared_weight"])],
                "heads.weight_with_shared"
            );
            bias = graph.Add(
                "Add",
                [bias, graph.AddInitializer("heads.shared_bias", state["shared_bias"])],
                "heads.bias_with_shared"
            );
        }
        var output = SumOverFeatures(graph.Add("Mul", [x, weight], "heads.product"), "heads.sum");
        return graph.Add("Add", [output, bias], "heads.output");
    }
}
