namespace Lib.Tensors.Tests.Autograd;

[CollectionDefinition(nameof(SpareArraysTests), DisableParallelization = true)]
public sealed class SpareArraysCollection;

/// <summary>The pool of consumed gradients' arrays: filled by backward, drawn on by later results, emptied by trims.</summary>
[Collection(nameof(SpareArraysTests))]
public class SpareArraysTests
{
    [Fact]
    public void Backward_leaves_its_consumed_gradients_for_the_next_results_and_two_trims_drop_them()
    {
        SpareArrays.Trim();
        SpareArrays.Trim();
        Assert.Equal(0, SpareArrays.Floats);
        var x = GradCheck.Randn(1, 32, 40).RequireGrad();
        ((x * 2f).Tanh() * 3f).Sum().Backward();
        long kept = SpareArrays.Floats;
        Assert.True(kept >= 32 * 40, $"expected at least one 1,280-float gradient to be kept, found {kept} floats");

        // The next result of that length takes one, and computes as usual.
        var y = x.Detach() * 2f;
        Assert.Equal(kept - 32 * 40, SpareArrays.Floats);
        Assert.Equal(x.ToArray().Select(v => v * 2f), y.ToArray());

        SpareArrays.Trim(); // arrays returned since the last trim survive one trim
        Assert.Equal(kept - 32 * 40, SpareArrays.Floats);
        SpareArrays.Trim();
        Assert.Equal(0, SpareArrays.Floats);
    }
}
