using Lib.Tensors.Autograd;
using Lib.Tensors.NN;
using Lib.Tensors.Onnx;

namespace Lib.Tensors.Tests.Onnx;

/// <summary>Each exported module, run by ONNX Runtime at two batch sizes (the dynamic axis), matches the
/// engine's forward within 1e-5.</summary>
public class OnnxModuleExportTests
{
    private static void AssertMatches(Module<Tensor, Tensor> module, int features, int seed, params int[] extra)
    {
        module.Eval();
        var model = OnnxExport.Module(module, [OnnxExport.Batch, .. extra.Select(e => (OnnxDim)e), features]);
        var g = new Generator(seed);
        foreach (int batch in new[] { 2, 5 })
        {
            var x = Tensor.Randn(g, [batch, .. extra, features]);
            Tensor expected;
            using (GradMode.NoGrad())
                expected = module.Forward(x);
            var actual = OnnxRun.Run(model, new Dictionary<string, Tensor> { ["input"] = x })["output"];
            Approx.Equal(expected, actual, what: $"{module.GetType().Name} batch {batch}");
        }
    }

    [Fact]
    public void Sequential_of_linear_layers_activations_and_dropout_matches_the_engine()
    {
        var g = new Generator(1);
        var net = new Sequential(
            new Linear(6, 16, g),
            new ReLU(),
            new Dropout(g, 0.3f),
            new Linear(16, 8, g),
            new Tanh(),
            new Linear(8, 3, g, bias: false),
            new Sigmoid()
        );
        AssertMatches(net, 6, 11);
    }

    [Fact]
    public void Linear_applies_to_the_last_axis_of_a_three_dimensional_input()
    {
        var g = new Generator(2);
        AssertMatches(new Sequential(new Linear(5, 7, g), new Identity()), 5, 12, 4);
    }

    [Theory]
    [InlineData("none")]
    [InlineData("tanh")]
    public void Gelu_matches_the_engine(string approximate)
    {
        var g = new Generator(3);
        AssertMatches(new Sequential(new Linear(4, 9, g), new GELU(approximate)), 4, 13);
    }

    [Fact]
    public void LayerNorm_with_and_without_affine_matches_the_engine()
    {
        var g = new Generator(4);
        var affine = new LayerNorm(6);
        Tensor.Randn(g, 6).Data.CopyTo(affine.Weight!.AsSpan());
        Tensor.Randn(g, 6).Data.CopyTo(affine.Bias!.AsSpan());
        AssertMatches(new Sequential(new Linear(3, 6, g), affine), 3, 14, 2);
        AssertMatches(new Sequential(new Linear(3, 6, g), new LayerNorm(6, 1e-3f, elementwiseAffine: false)), 3, 15);
    }

    [Fact]
    public void LayerNorm_over_two_trailing_dimensions_matches_the_engine()
    {
        var g = new Generator(5);
        var norm = new LayerNorm([3, 4]);
        Tensor.Randn(g, 3, 4).Data.CopyTo(norm.Weight!.AsSpan());
        AssertMatches(norm, 4, 16, 3);
    }

    [Fact]
    public void Embedding_gathers_the_engine_rows_for_int64_ids()
    {
        var g = new Generator(6);
        var embedding = new Embedding(10, 5, g, paddingIdx: 0);
        var model = OnnxExport.Embedding(embedding);
        foreach (int batch in new[] { 1, 4 })
        {
            var ids = IndexTensor.FromArray(
                [.. Enumerable.Range(0, batch * 3).Select(i => (i * 7 + batch) % 10)],
                batch,
                3
            );
            var expected = embedding.Forward(ids);
            var actual = OnnxRun.Run(model, ids: new Dictionary<string, IndexTensor> { ["input"] = ids })["output"];
            Approx.Equal(expected, actual, what: $"embedding batch {batch}");
        }
    }

    [Theory]
    [InlineData(null)]
    [InlineData(3)]
    public void Cross_network_full_and_low_rank_matches_the_engine(int? rank)
    {
        var g = new Generator(8);
        AssertMatches(new Sequential(new CrossNetwork(6, 3, g, rank), new Linear(6, 2, g)), 6, 18);
        AssertMatches(new CrossNetwork(5, 2, g, rank, bias: false), 5, 19, 4);
    }

    [Fact]
    public void A_module_without_a_rule_is_an_error_naming_it_and_where_it_sits()
    {
        var g = new Generator(7);
        var net = new Sequential(new Linear(2, 2, g), new Doubler());
        var error = Assert.Throws<NotSupportedException>(() => OnnxExport.Module(net, [OnnxExport.Batch, 2]));
        Assert.Contains("Doubler", error.Message);
        Assert.Contains("'1'", error.Message);
    }

    [Fact]
    public void A_module_that_exports_itself_runs_inside_a_sequential()
    {
        var g = new Generator(8);
        AssertMatches(new Sequential(new Linear(3, 4, g), new ExportableDoubler()), 3, 17);
    }

    private sealed class Doubler : Module<Tensor, Tensor>
    {
        public override Tensor Forward(Tensor input) => input * 2f;
    }

    private sealed class ExportableDoubler : Module<Tensor, Tensor>, IOnnxExportable
    {
        public override Tensor Forward(Tensor input) => input * 2f;

        public string ExportOnnx(OnnxGraph graph, string input, string scope) =>
            graph.Add("Mul", [input, graph.Scalar(2f)], scope + ".double");
    }
}
