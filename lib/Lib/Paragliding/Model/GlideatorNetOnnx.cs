using Lib.Tensors.Onnx;
using Onnx;

namespace Lib.Paragliding.Model;

/// <summary>
/// ONNX export of a <see cref="GlideatorNet"/> (raw network; calibration stays in <c>model.json</c>): inputs
/// <c>site</c> int64 [batch], <c>site_features</c> float [batch, S], <c>date</c> float [batch, D] and, for a model
/// that reads weather, <c>weather</c> float [batch, 3·W]; output <c>probabilities</c> float [batch, K] (σ of the
/// logits). Checked against the engine in ONNX Runtime.
/// </summary>
public static class GlideatorNetOnnx
{
    /// <summary>The output's name.</summary>
    public const string Output = "probabilities";

    /// <summary>Loads the folder, exports it and writes <paramref name="path"/> atomically.</summary>
    public static OnnxSignature Save(string modelFolder, string path)
    {
        var model = Export(GlideatorModel.Load(modelFolder).Network);
        OnnxExport.Save(model, path);
        return OnnxSignature.Of(model);
    }

    /// <summary>The network as an ONNX model.</summary>
    public static ModelProto Export(GlideatorNet network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var c = network.Config;
        var graph = new OnnxGraph(nameof(GlideatorNet));
        var site = graph.AddInput("site", [OnnxExport.Batch], TensorProto.Types.DataType.Int64);
        var siteFeatures = graph.AddInput("site_features", [OnnxExport.Batch, c.SiteFeatures]);
        var date = graph.AddInput("date", [OnnxExport.Batch, c.DateFeatures]);
        var weather =
            c.WeatherVariables > 0 ? graph.AddInput("weather", [OnnxExport.Batch, 3 * c.WeatherVariables]) : null;
        var embedded = OnnxModules.Embedding(graph, network.LaunchEmbedding, site, "launch_embedding"); // [B, E]
        var slices = new List<string>();
        for (int t = 0; t < c.TimeSlices; t++)
        {
            var parts = new List<string>();
            if (weather is not null)
                parts.Add(
                    graph.Add(
                        "Slice",
                        [
                            weather,
                            graph.AddInt64Initializer($"slice{t}_start", [t * c.WeatherVariables], 1),
                            graph.AddInt64Initializer($"slice{t}_end", [(t + 1) * c.WeatherVariables], 1),
                            graph.AddInt64Initializer($"slice{t}_axis", [1], 1),
                        ],
                        $"weather_{t}"
                    )
                );
            parts.AddRange([siteFeatures, embedded, date]);
            var x = graph.Add("Concat", [.. parts], $"x_{t}", OnnxAttributes.Int("axis", 1));
            var cross = OnnxModules.CrossNetwork(graph, network.CrossNet, x, "cross_net");
            slices.Add(
                network.ParallelDeepNet is null
                    ? cross
                    : graph.Add(
                        "Concat",
                        [cross, OnnxModules.Sequential(graph, network.ParallelDeepNet, x, "parallel_deep_net")],
                        $"slice_{t}",
                        OnnxAttributes.Int("axis", 1)
                    )
            );
        }
        var h =
            slices.Count == 1 ? slices[0] : graph.Add("Concat", [.. slices], "slices", OnnxAttributes.Int("axis", 1));
        h = OnnxModules.Sequential(graph, network.DeepNet, h, "deep_net");
        string logits;
        if (network.Multilabel is not null)
            logits = OnnxModules.Linear(graph, network.Multilabel, h, "prediction_head");
        else
        {
            var head = network.Ordinal!;
            var a = OnnxModules.Linear(graph, head.Fc, h, "prediction_head.fc"); // [B, 1]
            var thresholds = graph.AddInitializer("prediction_head.thresholds", head.Thresholds().Detach());
            logits = graph.Add("Sub", [a, thresholds], "ordinal_logits");
        }
        var p = graph.Add("Sigmoid", [logits], "sigmoid");
        graph.AddOutput(p, Output, [OnnxExport.Batch, c.NumTargets]);
        return graph.ToModel();
    }
}
