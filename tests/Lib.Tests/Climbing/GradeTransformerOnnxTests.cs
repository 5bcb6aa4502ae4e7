using Lib.Workflow;
using Lib.Climbing.Dataset;
using Lib.Climbing.Model;
using Lib.Tensors;
using Lib.Tensors.Autograd;
using Onnx;

namespace Lib.Tests.Climbing;

/// <summary>The trained grade model, exported to ONNX and run by ONNX Runtime on real routes at two batch sizes (and
/// so two padded lengths), gives the engine's output within 1e-5.</summary>
[Collection("climbing")]
public class GradeTransformerOnnxTests(ClimbingFixture fixture)
{
    [Fact]
    public void The_exported_model_matches_the_engine_on_real_routes()
    {
        var network = fixture.Model.Network;
        network.Eval();
        using var session = new OnnxModelSession(GradeTransformerOnnx.Export(network));
        var routes = fixture.Data.Split(SplitName.Val).Take(7).ToList();
        foreach (var batch in new[] { routes.Take(2).ToList(), routes.Skip(2).ToList() })
        {
            var b = RouteBatch.Collate(batch, 20, 3);
            Tensor expected;
            using (GradMode.NoGrad())
                expected = network.Forward(b.Ids, b.Features, b.Mask);
            var actual = session
                .Int64(GradeTransformerOnnx.Ids, b.Ids)
                .Float(GradeTransformerOnnx.Features, b.Features)
                .Bool(GradeTransformerOnnx.Mask, b.Mask)
                .Run(GradeTransformerOnnx.Output);
            Assert.Equal([batch.Count], actual.Shape);
            OnnxAssert.Close(expected, actual, i => $"route {i} of {batch.Count} (length {b.Ids.Shape[1]})");
        }
    }

    [Fact]
    public void The_inputs_are_ids_features_and_a_bool_mask_with_dynamic_axes()
    {
        var config = new GradeTransformerConfig
        {
            VocabSize = 12,
            FeatureCount = RouteTokenizer.FeatureCount,
            DModel = 8,
            NHead = 2,
            NumLayers = 1,
            DimFeedforward = 16,
        };
        var graph = GradeTransformerOnnx.Export(new GradeTransformer(config, new Generator(1))).Graph;
        string Describe(ValueInfoProto v) =>
            $"{v.Name}:{(TensorProto.Types.DataType)v.Type.TensorType.ElemType}["
            + string.Join(
                ",",
                v.Type.TensorType.Shape.Dim.Select(d => d.DimParam.Length > 0 ? d.DimParam : d.DimValue.ToString())
            )
            + "]";
        Assert.Equal(
            [
                "ids:Int64[batch,sequence]",
                $"features:Float[batch,sequence,{RouteTokenizer.FeatureCount}]",
                "mask:Bool[batch,sequence]",
            ],
            graph.Input.Select(Describe)
        );
        Assert.Equal(["difficulty:Float[batch]"], graph.Output.Select(Describe));
    }
}
