using Lib.Tensors.Autograd;
using Lib.Tensors.NN;
using Lib.Tensors.Onnx;
using Onnx;

namespace Lib.Tensors.Tests.Onnx;

/// <summary>Exported self-attention and Transformer encoders (batch-first or not, pre- and post-norm, ReLU and GELU,
/// with a bool key padding mask, true = real token), run by ONNX Runtime at two batch sizes and two sequence
/// lengths, match the engine within 1e-5.</summary>
public class OnnxAttentionExportTests
{
    private const int Width = 8;

    /// <summary>(batch, sequence) pairs: both dynamic axes change between runs.</summary>
    private static readonly (int Batch, int Steps)[] Sizes = [(2, 5), (4, 7)];

    [Theory]
    [InlineData(true, true, true)]
    [InlineData(false, true, true)]
    [InlineData(true, false, true)]
    [InlineData(false, true, false)]
    public void Self_attention_matches_the_engine(bool batchFirst, bool masked, bool bias)
    {
        var g = new Generator(60);
        var mha = new MultiheadAttention(Width, 2, g, dropout: 0.2f, bias: bias, batchFirst: batchFirst);
        mha.Eval();
        AssertMatches(OnnxExport.SelfAttention(mha, masked), batchFirst, masked, g, (x, mask) =>
            mha.Forward(x, x, x, mask, needWeights: false).Output
        );
    }

    [Theory]
    [InlineData(true, false, "relu")]
    [InlineData(true, true, "gelu")]
    [InlineData(false, false, "gelu")]
    [InlineData(false, true, "relu")]
    public void Encoder_layer_matches_the_engine(bool batchFirst, bool normFirst, string activation)
    {
        var g = new Generator(61);
        var layer = new TransformerEncoderLayer(
            Width,
            4,
            g,
            16,
            0.1f,
            activation,
            batchFirst: batchFirst,
            normFirst: normFirst
        );
        layer.Eval();
        foreach (bool masked in new[] { false, true })
            AssertMatches(OnnxExport.TransformerEncoderLayer(layer, masked), batchFirst, masked, g, (x, mask) =>
                layer.Forward(x, mask)
            );
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void Encoder_with_its_final_norm_matches_the_engine(bool batchFirst, bool normFirst)
    {
        var g = new Generator(62);
        var encoder = new TransformerEncoder(
            _ => new TransformerEncoderLayer(
                Width,
                2,
                g,
                12,
                0.1f,
                "gelu",
                batchFirst: batchFirst,
                normFirst: normFirst
            ),
            3,
            new LayerNorm(Width)
        );
        encoder.Eval();
        AssertMatches(OnnxExport.TransformerEncoder(encoder, withMask: true), batchFirst, true, g, (x, mask) =>
            encoder.Forward(x, mask)
        );
    }

    [Fact]
    public void An_encoder_inside_a_sequential_exports_through_the_module_visitor()
    {
        var g = new Generator(63);
        var net = new Sequential(
            new Linear(3, Width, g),
            new TransformerEncoderLayer(Width, 2, g, 16, 0f, batchFirst: true),
            new Linear(Width, 1, g)
        );
        net.Eval();
        var model = OnnxExport.Module(net, [OnnxExport.Batch, OnnxExport.Sequence, 3]);
        foreach (var (batch, steps) in Sizes)
        {
            var x = Tensor.Randn(g, batch, steps, 3);
            Tensor expected;
            using (GradMode.NoGrad())
                expected = net.Forward(x);
            Approx.Equal(
                expected,
                OnnxRun.Run(model, new Dictionary<string, Tensor> { ["input"] = x })["output"],
                what: $"batch {batch}"
            );
        }
    }

    [Fact]
    public void The_mask_input_is_bool_with_dynamic_batch_and_sequence_axes()
    {
        var mha = new MultiheadAttention(Width, 2, new Generator(64), batchFirst: true);
        var model = OnnxExport.SelfAttention(mha, withMask: true);
        var mask = model.Graph.Input.Single(i => i.Name == "mask");
        Assert.Equal((int)TensorProto.Types.DataType.Bool, mask.Type.TensorType.ElemType);
        Assert.Equal(["batch", "sequence"], mask.Type.TensorType.Shape.Dim.Select(d => d.DimParam));
    }

    private static void AssertMatches(
        ModelProto model,
        bool batchFirst,
        bool masked,
        Generator g,
        Func<Tensor, Tensor?, Tensor> engine
    )
    {
        foreach (var (batch, steps) in Sizes)
        {
            var x = batchFirst ? Tensor.Randn(g, batch, steps, Width) : Tensor.Randn(g, steps, batch, Width);
            // Row b has steps − b real tokens (at least one), then padding: 1 = real, the lab's polarity.
            var mask = Tensor.FromArray(
                [
                    .. Enumerable
                        .Range(0, batch * steps)
                        .Select(i => i % steps < Math.Max(1, steps - i / steps) ? 1f : 0f),
                ],
                batch,
                steps
            );
            Tensor expected;
            using (GradMode.NoGrad())
                expected = engine(x, masked ? mask : null);
            var actual = OnnxRun.Run(
                model,
                new Dictionary<string, Tensor> { ["input"] = x },
                bools: masked ? new Dictionary<string, Tensor> { ["mask"] = mask } : null
            );
            Approx.Equal(expected, actual["output"], what: $"batch {batch}, sequence {steps}, mask {masked}");
        }
    }
}
