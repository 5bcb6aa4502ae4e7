using Lib.Tensors.Ops;

namespace Lib.Tensors.Tests.Ops;

public class ParallelRangesTests
{
    private readonly struct Count(int[] hits) : IRangeBody
    {
        public void Run(int start, int length)
        {
            Assert.True(start % 64 == 0, $"a part starts at {start}, not a multiple of 64");
            for (int i = start; i < start + length; i++) hits[i]++;
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1000)]
    [InlineData(ParallelRanges.MinElements - 1)]
    [InlineData(ParallelRanges.MinElements)]
    [InlineData(ParallelRanges.MinElements * 3 + 17)]
    public void Every_element_is_processed_exactly_once_in_parts_that_start_on_64(int length)
    {
        var hits = new int[length];
        ParallelRanges.For(length, new Count(hits));
        Assert.All(hits, h => Assert.Equal(1, h));
    }

    [Fact]
    public void Split_elementwise_kernels_give_the_bits_of_one_piece()
    {
        int n = ParallelRanges.MinElements * 2 + 5;
        var x = GradCheck.Randn(1, n).ToArray();
        var split = new float[n];
        var whole = new float[n];
        Lanes.MapParallel<ActivationLanes.Sigmoid>(x, x, split);
        Lanes.Map<ActivationLanes.Sigmoid>(x, x, whole);
        Assert.Equal(whole, split);
    }
}
