using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

public class LayerTests
{
    [Fact]
    public void Linear_initialises_like_pytorch_and_repeats_for_a_seed()
    {
        var layer = new Linear(64, 32, new Generator(1));
        double bound = 1 / Math.Sqrt(64);
        Assert.Equal([32, 64], layer.Weight.Shape);
        Assert.Equal([32], layer.Bias!.Shape);
        Assert.All(layer.Weight.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.All(layer.Bias.ToArray(), v => Assert.InRange(v, -bound, bound));
        Assert.True(layer.Weight.ToArray().Max(Math.Abs) > 0.98 * bound);
        Assert.True(layer.Weight.RequiresGrad && layer.Bias.RequiresGrad);
        Assert.Equal(layer.Weight.ToArray(), new Linear(64, 32, new Generator(1)).Weight.ToArray());
        Assert.NotEqual(layer.Weight.ToArray(), new Linear(64, 32, new Generator(2)).Weight.ToArray());
    }

    [Fact]
    public void Linear_computes_x_wt_plus_b_over_leading_dims_and_trains()
    {
        var layer = new Linear(2, 3, new Generator(0));
        Tensor.FromArray([1f, 2f, 3f, 4f, 5f, 6f]).Data.CopyTo(layer.Weight.AsSpan()); // [[1,2],[3,4],[5,6]]
        Tensor.FromArray([0.5f, -1f, 0f]).Data.CopyTo(layer.Bias!.AsSpan());
        var x = Tensor.FromArray([1f, 1f, 2f, -1f], 2, 1, 2);
        var y = layer.Call(x);
        Assert.Equal([2, 1, 3], y.Shape);
        Assert.Equal([3.5f, 6f, 11f, 0.5f, 1f, 4f], y.ToArray());
        y.Sum().Backward();
        Assert.Equal([3f, 0f, 3f, 0f, 3f, 0f], layer.Weight.Grad!.ToArray());
        Assert.Equal([2f, 2f, 2f], layer.Bias.Grad!.ToArray());
    }

    [Fact]
    public void Linear_without_bias_has_only_a_weight()
    {
        var layer = new Linear(3, 2, new Generator(0), bias: false);
        Assert.Null(layer.Bias);
        Assert.Equal(["weight"], layer.StateDict().Keys);
        Assert.Equal("Linear(in_features=3, out_features=2, bias=False)", layer.ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Linear(-1, 2, new Generator(0)));
    }

    [Fact]
    public void Embedding_draws_standard_normals_and_zeroes_the_padding_row()
    {
        var emb = new Embedding(500, 40, new Generator(3), paddingIdx: -1);
        Assert.Equal(499, emb.PaddingIdx);
        var w = emb.Weight.ToArray();
        Assert.All(w[(499 * 40)..], v => Assert.Equal(0f, v));
        var rest = w[..(499 * 40)];
        double mean = rest.Average(), std = Math.Sqrt(rest.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.03, 0.03);
        Assert.InRange(std, 0.97, 1.03);
        Assert.Equal("Embedding(500, 40, padding_idx=499)", emb.ToString());
        Assert.Equal("Embedding(7, 4)", new Embedding(7, 4, new Generator(0)).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Embedding(7, 4, new Generator(0), paddingIdx: 7));
    }

    [Fact]
    public void LayerNorm_starts_at_ones_and_zeros()
    {
        var norm = new LayerNorm(4);
        Assert.Equal([1f, 1f, 1f, 1f], norm.Weight!.ToArray());
        Assert.Equal([0f, 0f, 0f, 0f], norm.Bias!.ToArray());
        Assert.Equal(["weight", "bias"], norm.StateDict().Keys);
        Assert.Equal("LayerNorm((4,), eps=1e-05, elementwise_affine=True)", norm.ToString());

        var plain = new LayerNorm([3, 4], eps: 1e-3f, elementwiseAffine: false);
        Assert.Empty(plain.StateDict());
        Assert.Equal(0, plain.NumParameters());
        Assert.Equal("LayerNorm((3, 4), eps=0.001, elementwise_affine=False)", plain.ToString());
        Assert.Throws<ArgumentException>(() => new LayerNorm([0]));
    }

    [Fact]
    public void Dropout_is_the_identity_in_eval_mode_and_validates_p()
    {
        var dropout = new Dropout(new Generator(0), p: 0.3f);
        var x = Tensor.Ones(10);
        dropout.Eval();
        Assert.Same(x, dropout.Call(x));
        Assert.Same(x, new Dropout(new Generator(0), p: 0f).Call(x));
        Assert.Equal("Dropout(p=0.3, inplace=False)", dropout.ToString());
        Assert.Equal("Dropout(p=0.5, inplace=False)", new Dropout(new Generator(0)).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new Dropout(new Generator(0), p: 1.5f));
    }

    [Fact]
    public void Dropout_in_training_zeroes_about_p_and_scales_the_rest()
    {
        var dropout = new Dropout(new Generator(0), p: 0.25f);
        var y = dropout.Call(Tensor.Ones(10_000)).ToArray();
        double zeros = y.Count(v => v == 0) / 10_000.0;
        Assert.InRange(zeros, 0.23, 0.27);
        Assert.All(y.Where(v => v != 0), v => Assert.Equal(1f / 0.75f, v, 5));
        Assert.Equal(y, new Dropout(new Generator(0), p: 0.25f).Call(Tensor.Ones(10_000)).ToArray());
    }

    [Fact]
    public void Activation_modules_apply_their_functions()
    {
        var x = Tensor.FromArray([-1f, 0f, 2f]);
        Assert.Equal([0f, 0f, 2f], new ReLU().Call(x).ToArray());
        Assert.Equal(x.Tanh().ToArray(), new Tanh().Call(x).ToArray());
        Assert.Equal(x.Sigmoid().ToArray(), new Sigmoid().Call(x).ToArray());
        Assert.Equal(x.Gelu().ToArray(), new GELU().Call(x).ToArray());
        Assert.Equal(x.Gelu(tanhApproximation: true).ToArray(), new GELU("tanh").Call(x).ToArray());
        Assert.Same(x, new Identity().Call(x));
        Assert.Equal("ReLU()", new ReLU().ToString());
        Assert.Equal("GELU(approximate='tanh')", new GELU("tanh").ToString());
        Assert.Equal("GELU(approximate='none')", new GELU().ToString());
        Assert.Equal("Identity()", new Identity().ToString());
        Assert.Throws<ArgumentException>(() => new GELU("erf"));
    }
}
