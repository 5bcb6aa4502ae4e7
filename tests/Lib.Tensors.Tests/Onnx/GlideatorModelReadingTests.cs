using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Lib.Tensors.Tests.Onnx;

/// <summary>
/// A real model exported by PyTorch (glideator's site-and-weather network, <c>data/paragliding/glideator/model.onnx</c>,
/// see data/SOURCES.md) reads with the ONNX classes the exporter writes with, loads in ONNX Runtime with the inputs
/// and output its source documents, and runs.
/// </summary>
public class GlideatorModelReadingTests
{
    private static readonly string ModelPath = Path.Combine(
        FindRoot(),
        "data",
        "paragliding",
        "glideator",
        "model.onnx"
    );

    [Fact]
    public void The_model_parses_as_a_pytorch_export_at_opset_14()
    {
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(ModelPath));
        Assert.Equal("pytorch", model.ProducerName);
        Assert.Equal(14, model.OpsetImport.Single(o => o.Domain.Length == 0).Version);
        Assert.Contains(model.Graph.Node, n => n.OpType == "Gemm");
        Assert.Contains(model.Graph.Node, n => n.OpType == "Sigmoid");
    }

    [Fact]
    public void Onnx_runtime_sees_the_documented_inputs_and_output()
    {
        using var session = new InferenceSession(ModelPath);
        foreach (var hour in new[] { "weather_9", "weather_12", "weather_15" })
            AssertInput(session, hour, typeof(float), 77); // the 77 GFS features of schema.json
        AssertInput(session, "site", typeof(float), 3);
        AssertInput(session, "site_id", typeof(long));
        AssertInput(session, "date", typeof(float), 4);
        Assert.Equal(6, session.InputMetadata.Count);
        var output = Assert.Single(session.OutputMetadata);
        Assert.Equal("predictions", output.Key);
        Assert.Equal([-1, 11], output.Value.Dimensions); // P(flight > 0, 10, …, 100 km)
    }

    [Fact]
    public void It_runs_on_any_batch_size_and_each_row_is_a_probability_independent_of_its_batch()
    {
        using var session = new InferenceSession(ModelPath);
        var g = new Generator(99);
        int[] siteIds = [1, 17, 120, 250];
        Tensor Inputs(int width) => Tensor.Randn(g, 4, width);
        var floats = new Dictionary<string, Tensor>
        {
            ["weather_9"] = Inputs(77),
            ["weather_12"] = Inputs(77),
            ["weather_15"] = Inputs(77),
            ["site"] = Inputs(3),
            ["date"] = Inputs(4),
        };
        var all = Run(session, floats, siteIds)["predictions"];
        Assert.Equal([4, 11], all.Shape);
        Assert.All(all.ToArray(), p => Assert.InRange(p, 0f, 1f));
        for (int row = 0; row < 4; row++)
        {
            var one = floats.ToDictionary(kv => kv.Key, kv => kv.Value.Narrow(0, row, 1));
            var single = Run(session, one, [siteIds[row]])["predictions"];
            Approx.Equal(all.Narrow(0, row, 1), single, what: $"row {row} alone");
        }
    }

    private static Dictionary<string, Tensor> Run(
        InferenceSession session,
        Dictionary<string, Tensor> floats,
        int[] siteIds
    ) =>
        OnnxRun.Run(
            session,
            floats,
            new Dictionary<string, IndexTensor> { ["site_id"] = IndexTensor.FromArray(siteIds, siteIds.Length) }
        );

    private static void AssertInput(InferenceSession session, string name, Type type, params int[] width)
    {
        Assert.True(session.InputMetadata.TryGetValue(name, out var input), $"no input '{name}'");
        Assert.Equal(type, input!.ElementType);
        Assert.Equal([-1, .. width], input.Dimensions);
        Assert.Equal("batch_size", input.SymbolicDimensions[0]);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lib.sln")))
                return dir.FullName;
        throw new InvalidOperationException($"Lib.sln not found above {AppContext.BaseDirectory}.");
    }
}
