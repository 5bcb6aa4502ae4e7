using Lib.Tensors.NN;
using Lib.Tensors.Onnx;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Lib.Tensors.Tests.Onnx;

/// <summary>The graph builder: the saved file, its opset and named, dynamic inputs, and its errors.</summary>
public class OnnxGraphTests
{
    [Fact]
    public void A_saved_model_loads_from_its_file_with_opset_17_and_a_symbolic_batch_axis()
    {
        var net = new Sequential(new Linear(3, 2, new Generator(1)));
        var dir = Directory.CreateTempSubdirectory("onnx-export-");
        try
        {
            var path = Path.Combine(dir.FullName, "net.onnx");
            OnnxExport.Save(OnnxExport.Module(net, [OnnxExport.Batch, 3], "features", "score"), path);
            Assert.Single(Directory.GetFiles(dir.FullName)); // no temporary file left beside it
            var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
            Assert.Equal(17, model.OpsetImport.Single().Version);
            Assert.Equal(8, model.IrVersion);
            Assert.Contains(model.Graph.Initializer, i => i.Name == "0.bias");
            using var session = new InferenceSession(path);
            var input = Assert.Single(session.InputMetadata);
            Assert.Equal("features", input.Key);
            Assert.Equal("batch", input.Value.SymbolicDimensions[0]);
            Assert.Equal("score", Assert.Single(session.OutputMetadata).Key);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Names_are_made_unique_and_a_missing_value_or_old_opset_is_an_error()
    {
        var graph = new OnnxGraph();
        var x = graph.AddInput("x", [OnnxExport.Batch, 2]);
        Assert.NotEqual(graph.Add("Relu", [x], "y"), graph.Add("Relu", [x], "y"));
        Assert.Contains("'nope'", Assert.Throws<ArgumentException>(() => graph.Add("Relu", ["nope"])).Message);
        Assert.Throws<ArgumentException>(() => graph.AddInput("x", [2]));
        Assert.Throws<ArgumentException>(() => graph.AddInitializer("w", new float[3], [2, 2]));
        Assert.Throws<ArgumentOutOfRangeException>(() => graph.ToModel(opset: 13));
    }
}
