using Lib.Football.Dataset;
using Lib.Tensors.Onnx;
using Onnx;

namespace Lib.Football.Model;

/// <summary>
/// <see cref="TrajectoryGnn"/> as an ONNX model (opset 17), graph aggregation included (<see cref="OnnxSegmentSum"/>:
/// <c>Gather</c> and <c>ScatterND</c> with <c>reduction="add"</c>), with dynamic node, edge and scene counts. Inputs:
/// <c>frames</c> float [nodes, observed, F], <c>positions</c> and <c>velocity</c> float [nodes, 2],
/// <c>edge_source</c> and <c>edge_target</c> int64 [edges] (<see cref="SceneGraph.SourceIndex"/>,
/// <see cref="SceneGraph.TargetIndex"/>), <c>node_scene</c> int64 [nodes] and <c>scene_sizes</c> float [scenes].
/// Outputs: <c>means</c> [nodes, K, horizon, 2] (yards from each node's last position), <c>coverage_logit</c>
/// [scenes], and with the mixture decoder <c>log_sigma</c> [nodes, K, horizon, 2] and <c>mode_logits</c> [nodes, K].
/// </summary>
public static class TrajectoryGnnOnnx
{
    /// <summary>Input and output names.</summary>
    public const string Frames = "frames",
        Positions = "positions",
        Velocity = "velocity",
        EdgeSource = "edge_source",
        EdgeTarget = "edge_target",
        NodeScene = "node_scene",
        SceneSizes = "scene_sizes",
        Means = "means",
        LogSigma = "log_sigma",
        ModeLogits = "mode_logits",
        CoverageLogit = "coverage_logit";

    /// <summary>
    /// Exports the model in <paramref name="modelFolder"/> to <paramref name="path"/> (a temporary file, then a
    /// rename) and returns its inputs and outputs.
    /// </summary>
    public static OnnxSignature Save(string modelFolder, string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelFolder);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var network = FootballModel.Load(modelFolder).Network;
        network.Eval();
        var model = Export(network);
        OnnxExport.Save(model, path);
        return OnnxSignature.Of(model);
    }

    /// <summary>The ONNX model computing <paramref name="network"/>'s forward at inference.</summary>
    public static ModelProto Export(TrajectoryGnn network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var config = network.Config;
        var graph = new OnnxGraph(nameof(TrajectoryGnn));
        var int64 = TensorProto.Types.DataType.Int64;
        var frames = graph.AddInput(Frames, ["nodes", config.Observed, config.NodeFeatures]);
        var positions = graph.AddInput(Positions, ["nodes", 2]);
        var velocity = graph.AddInput(Velocity, ["nodes", 2]);
        var source = graph.AddInput(EdgeSource, ["edges"], int64);
        var target = graph.AddInput(EdgeTarget, ["edges"], int64);
        var nodeScene = graph.AddInput(NodeScene, ["nodes"], int64);
        var sceneSizes = graph.AddInput(SceneSizes, ["scenes"]);
        var axis0 = graph.AddInt64Initializer("axis0", [0], 1);
        var axis1 = graph.AddInt64Initializer("axis1", [1], 1);
        var lastAxis = graph.AddInt64Initializer("last_axis", [-1], 1);

        var (_, state) = OnnxRecurrent.Gru(graph, network.Temporal, frames, null, "temporal"); // [1, nodes, H]
        var h = graph.Add("Squeeze", [state, axis0], "h0"); // [nodes, H]
        var nodeCount = graph.Add("Slice", [graph.Add("Shape", [frames]), axis0, axis1], "node_count"); // [1]
        var relative = graph.Add(
            "Sub",
            [Gather(graph, positions, source), Gather(graph, positions, target)],
            "relative"
        ); // [E, 2]
        var squared = graph.Add(
            "ReduceSum",
            [graph.Add("Mul", [relative, relative]), lastAxis],
            "squared",
            OnnxAttributes.Int("keepdims", 1)
        );
        var distance = graph.Add("Sqrt", [squared], "distance"); // [E, 1]
        var edges = graph.Add(
            "Div",
            [
                graph.Add("Concat", [relative, distance], "edge_raw", OnnxAttributes.Int("axis", -1)),
                graph.Scalar(config.EdgeScale),
            ],
            "edges"
        ); // [E, 3]
        for (int l = 0; l < network.Layers.Count; l++)
        {
            var layer = network.Layers[l];
            var scope = $"layers.{l}";
            var pair = graph.Add(
                "Concat",
                [Gather(graph, h, source), Gather(graph, h, target), edges],
                $"{scope}.message_input",
                OnnxAttributes.Int("axis", -1)
            );
            var messages = OnnxModules.Sequential(graph, layer.Message, pair, $"{scope}.message"); // [E, H]
            var received = OnnxSegmentSum.ScatterAdd(graph, messages, target, nodeCount, $"{scope}.aggregate");
            var update = OnnxModules.Sequential(
                graph,
                layer.Update,
                graph.Add("Concat", [h, received], $"{scope}.update_input", OnnxAttributes.Int("axis", -1)),
                $"{scope}.update"
            );
            h = OnnxModules.LayerNorm(
                graph,
                layer.Norm,
                graph.Add("Add", [h, update], $"{scope}.residual"),
                $"{scope}.norm"
            );
        }

        var ramp = graph.AddInitializer(
            "ramp",
            [.. Enumerable.Range(1, config.Horizon).Select(s => (float)s)],
            [1, config.Horizon, 1]
        );
        var constantVelocity = graph.Add("Mul", [graph.Add("Unsqueeze", [velocity, axis1]), ramp], "cv");
        var sceneCount = graph.Add("Shape", [sceneSizes], "scene_count");
        var pooled = graph.Add(
            "Div",
            [
                OnnxSegmentSum.ScatterAdd(graph, h, nodeScene, sceneCount, "pool"),
                graph.Add("Unsqueeze", [sceneSizes, axis1]),
            ],
            "pooled"
        );
        var coverage = OnnxModules.Sequential(graph, network.Coverage, pooled, "coverage"); // [scenes, 1]
        graph.AddOutput(graph.Add("Squeeze", [coverage, axis1]), CoverageLogit, ["scenes"]);

        var head = OnnxModules.Sequential(graph, network.Head, h, config.Probabilistic ? "mixture" : "trajectory");
        int k = config.OutputModes,
            steps = 2 * config.Horizon;
        var modeShape = graph.AddInt64Initializer("mode_shape", [-1, k, config.Horizon, 2], 4);
        OnnxDim[] meansDims = ["nodes", k, config.Horizon, 2];
        if (!config.Probabilistic)
        {
            var offsets = graph.Add("Reshape", [head, modeShape], "offsets");
            var means = graph.Add("Add", [offsets, graph.Add("Unsqueeze", [constantVelocity, axis1])], "means");
            graph.AddOutput(means, Means, meansDims);
            return graph.ToModel();
        }
        string Part(int start, int length, string name) =>
            graph.Add(
                "Slice",
                [
                    head,
                    graph.AddInt64Initializer($"{name}_start", [start], 1),
                    graph.AddInt64Initializer($"{name}_end", [start + length], 1),
                    axis1,
                ],
                name
            );
        var mixtureMeans = graph.Add(
            "Add",
            [
                graph.Add("Reshape", [Part(0, k * steps, "mean_part"), modeShape]),
                graph.Add("Unsqueeze", [constantVelocity, axis1]),
            ],
            "mixture_means"
        );
        graph.AddOutput(mixtureMeans, Means, meansDims);
        graph.AddOutput(
            graph.Add("Reshape", [Part(k * steps, k * steps, "sigma_part"), modeShape]),
            LogSigma,
            meansDims
        );
        graph.AddOutput(Part(2 * k * steps, k, "logit_part"), ModeLogits, ["nodes", k]);
        return graph.ToModel();
    }

    private static string Gather(OnnxGraph graph, string data, string index) =>
        graph.Add("Gather", [data, index], null, OnnxAttributes.Int("axis", 0));
}
