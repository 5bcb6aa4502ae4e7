using Lib.Tensors.Memory;

namespace Lib.Tensors.Tests.Autograd;

/// <summary>The allocator seam: choosing one, and what the plain one does not do.</summary>
public class TensorAllocatorTests
{
    [Theory]
    [InlineData(null, "pooled")]
    [InlineData("", "pooled")]
    [InlineData("Pooled", "pooled")]
    [InlineData(" plain ", "plain")]
    public void The_environment_variable_picks_the_default(string? value, string expected) =>
        Assert.Same(expected == "plain" ? TensorAllocator.Plain : TensorAllocator.Pooled, TensorAllocator.FromEnvironment(value));

    [Fact]
    public void An_unknown_allocator_name_is_an_error_naming_the_variable_and_the_choices()
    {
        var e = Assert.Throws<InvalidOperationException>(() => TensorAllocator.FromEnvironment("arena"));
        Assert.Contains("LAB_TENSOR_ALLOCATOR", e.Message);
        Assert.Contains("\"arena\"", e.Message);
        Assert.Contains("\"plain\"", e.Message);
    }

    [Fact]
    public void Under_the_plain_allocator_a_scope_frees_nothing_and_leaves_get_gradients_of_their_own()
    {
        using var _ = TensorAllocator.Use(TensorAllocator.Plain);
        var x = GradCheck.Randn(1, 64, 300).RequireGrad(); // large enough for the pooled allocator's arrays
        Tensor y;
        using (DisposeScope.Enter())
        {
            y = (x * 2f).Tanh();
            y.Sum().Backward();
        }
        Assert.False(y.IsDisposed);
        Approx.Equal(x.Data.ToArray().Select(v => MathF.Tanh(2f * v)).ToArray(), y.ToArray(), 1e-6f, 1e-6f);
        var again = x.Grad!.ToArray();
        x.Grad = null;
        (x * 2f).Tanh().Sum().Backward();
        Assert.Equal(again, x.Grad!.ToArray());
    }
}
