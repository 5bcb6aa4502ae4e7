using Lib.Tensors.Autograd;

namespace Lib.Tensors.Tests.Autograd;

public class AutogradTests
{
    [Fact]
    public void Gradients_accumulate_across_backward_calls_and_uses()
    {
        var x = Tensor.FromArray([1f, 2f, 3f]).RequireGrad();
        var y = (x * x + x).Sum(); // dy/dx = 2x + 1
        y.Backward();
        Assert.Equal([3f, 5f, 7f], x.Grad!.ToArray());
        (x * 2f).Sum().Backward();
        Assert.Equal([5f, 7f, 9f], x.Grad!.ToArray());
    }

    [Fact]
    public void NoGrad_records_nothing_and_restores_the_mode()
    {
        var x = Tensor.Ones(2).RequireGrad();
        using (GradMode.NoGrad())
        {
            var y = x * 3f;
            Assert.False(y.RequiresGrad);
            Assert.True(y.IsLeaf);
        }
        Assert.True(GradMode.IsEnabled);
        Assert.True((x * 3f).RequiresGrad);
    }

    [Fact]
    public void Detach_cuts_the_graph()
    {
        var x = Tensor.FromArray([2f]).RequireGrad();
        var y = (x * x).Detach() * x; // only the last factor carries gradient: d/dx = x² = 4
        y.Sum().Backward();
        Assert.Equal([4f], x.Grad!.ToArray());
    }

    [Fact]
    public void A_long_chain_does_not_overflow_the_stack()
    {
        var x = Tensor.FromArray([1f]).RequireGrad();
        var y = x;
        for (int i = 0; i < 200_000; i++) y = y + 0f;
        y.Sum().Backward();
        Assert.Equal([1f], x.Grad!.ToArray());
    }

    [Fact]
    public void Backward_errors_are_clear()
    {
        var x = Tensor.Ones(2, 2).RequireGrad();
        Assert.Contains("scalar", Assert.Throws<InvalidOperationException>(() => (x * 2f).Backward()).Message);
        Assert.Contains("does not require grad", Assert.Throws<InvalidOperationException>(() => Tensor.Ones(1).Backward()).Message);
        Assert.Contains("cannot be broadcast", Assert.Throws<ArgumentException>(() => Tensor.Ones(2, 3).Add(Tensor.Ones(2))).Message);
    }

    [Fact]
    public void Retained_non_leaf_gradients_are_kept()
    {
        var x = Tensor.FromArray([1f, 2f]).RequireGrad();
        var h = (x * 3f).RetainGrad();
        (h * h).Sum().Backward();
        Assert.Equal([6f, 12f], h.Grad!.ToArray());
        Assert.Equal([18f, 36f], x.Grad!.ToArray());
    }
}
