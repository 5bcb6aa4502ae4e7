using Lib.Tensors;

namespace Lib.Tensors.Tests;

public class TensorTests
{
    [Fact]
    public void Creation_gives_the_requested_shapes_and_values()
    {
        Assert.Equal([2, 3], Tensor.Zeros(2, 3).Shape);
        Assert.All(Tensor.Ones(4).ToArray(), v => Assert.Equal(1f, v));
        Assert.Equal([7f, 7f], Tensor.Full(7f, 2).ToArray());
        Assert.Equal([0f, 0.5f, 1f, 1.5f], Tensor.Arange(0, 2, 0.5f).ToArray());
        Assert.Empty(Tensor.Arange(3, 1).ToArray());
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, -1));
        Assert.Throws<ArgumentException>(() => Tensor.FromArray([1f, 2f, 3f], 2, 2));
    }

    [Fact]
    public void Indexing_is_row_major_and_accepts_negative_indices()
    {
        var t = Tensor.Arange(0, 6).Reshape(2, 3);
        Assert.Equal(5f, t[1, 2]);
        Assert.Equal(3f, t[-1, 0]);
        Assert.Throws<IndexOutOfRangeException>(() => t[2, 0]);
        Assert.Throws<ArgumentException>(() => t[1]);
    }

    [Fact]
    public void Reshape_infers_one_dimension_and_rejects_impossible_shapes()
    {
        var t = Tensor.Arange(0, 12);
        Assert.Equal([3, 4], t.Reshape(3, -1).Shape);
        Assert.Throws<ArgumentException>(() => t.Reshape(5, -1));
        Assert.Throws<ArgumentException>(() => t.Reshape(2, 2));
    }

    [Fact]
    public void Prints_like_pytorch()
    {
        Assert.Equal("tensor([[1., 2.],\n        [3., 4.5]])", Tensor.FromArray([1f, 2f, 3f, 4.5f], 2, 2).ToString());
        Assert.Equal("tensor([0., 1., 2.])", Tensor.Arange(0, 3).ToString());
        var big = Tensor.Arange(0, 2000).ToString();
        Assert.Equal("tensor([0., 1., 2., ..., 1997., 1998., 1999.], shape=[2000])", big);
    }

    [Fact]
    public void Random_tensors_repeat_for_a_seed_and_follow_their_distribution()
    {
        var a = Tensor.Randn(new Generator(7), 10_000).ToArray();
        var b = Tensor.Randn(new Generator(7), 10_000).ToArray();
        var c = Tensor.Randn(new Generator(8), 10_000).ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
        double mean = a.Average(), std = Math.Sqrt(a.Select(v => (v - mean) * (v - mean)).Average());
        Assert.InRange(mean, -0.05, 0.05);
        Assert.InRange(std, 0.95, 1.05);
        Assert.All(Tensor.Rand(new Generator(1), 1000).ToArray(), v => Assert.InRange(v, 0f, 1f));
        Assert.Equal(Tensor.Rand(new Generator(3), 5).ToArray(), Tensor.Rand(new Generator(0).ManualSeed(3), 5).ToArray());
    }

    [Fact]
    public void The_notebook_formatter_shows_shape_and_statistics()
    {
        var source = new TensorFormatterSource();
        var html = source.CreateTypeFormatters().Cast<Lib.Tensors.Formatting.TypeFormatter<Tensor>>().First(f => f.MimeType == "text/html");
        var writer = new StringWriter();
        Assert.True(html.Format(Tensor.FromArray([1f, 3f], 2), writer));
        Assert.Contains("shape [2]", writer.ToString());
        Assert.Contains("min 1, mean 2, max 3", writer.ToString());
        Assert.False(html.Format("not a tensor", new StringWriter()));
    }
}
