namespace Lib.Tensors.Tests.Shape;

public class SegmentSumTests
{
    // Rows 0..3 over 4 source nodes; row 2 has no edges.
    private static CsrGraph Small() => new([0, 2, 3, 3, 6], [1, 3, 0, 0, 2, 0]);

    [Fact]
    public void Values_are_weighted_sums_of_neighbour_rows()
    {
        var src = Tensor.FromArray([1f, 10f, 2f, 20f, 3f, 30f, 4f, 40f], 4, 2);
        var plain = Tensor.SegmentSum(src, Small());
        Assert.Equal([4, 2], plain.Shape);
        Assert.Equal([6f, 60f, 1f, 10f, 0f, 0f, 5f, 50f], plain.ToArray());
        var weights = Tensor.FromArray([1f, 0.5f, 2f, -1f, 1f, 3f]);
        var weighted = Tensor.SegmentSum(src, Small(), weights);
        Assert.Equal([4f, 40f, 2f, 20f, 0f, 0f, 5f, 50f], weighted.ToArray());
    }

    [Fact]
    public void Gradients_with_and_without_weights_match_finite_differences()
    {
        var graph = Small();
        GradCheck.Check(t => Tensor.SegmentSum(t[0], graph), [GradCheck.Randn(1, 5, 3)]); // node 4 has no edges: zero gradient
        GradCheck.Check(t => Tensor.SegmentSum(t[0], graph, t[1]), [GradCheck.Randn(2, 4, 3), GradCheck.Randn(3, 6)]);
        GradCheck.Check(t => Tensor.SegmentSum(t[0], graph, t[1]), [GradCheck.Randn(4, 4, 2, 2), GradCheck.Randn(5, 6)]);
    }

    [Fact]
    public void Weight_gradient_is_the_dot_of_upstream_and_source_rows()
    {
        var src = Tensor.FromArray([1f, 2f, 3f, 4f], 2, 2);
        var w = Tensor.Ones(3).RequireGrad();
        var graph = new CsrGraph([0, 1, 3], [1, 0, 1]);
        (Tensor.SegmentSum(src, graph, w) * Tensor.FromArray([1f, -1f, 2f, 0f], 2, 2)).Sum().Backward();
        Assert.Equal([3f - 4f, 2f, 6f], w.Grad!.ToArray());
    }

    [Fact]
    public void FromEdges_groups_by_destination_keeping_input_order()
    {
        var graph = CsrGraph.FromEdges(3, dst: [2, 0, 2, 0], src: [5, 1, 4, 3], out var order);
        Assert.Equal([0, 2, 2, 4], graph.RowPointer);
        Assert.Equal([1, 3, 5, 4], graph.ColIndex);
        Assert.Equal([1, 3, 0, 2], order);
        Assert.Equal(3, graph.Rows);
        Assert.Equal(4, graph.Edges);
        Assert.Equal(6, graph.MinSourceNodes);
        Assert.Contains("dst[1] = 3", Assert.Throws<ArgumentOutOfRangeException>(() => CsrGraph.FromEdges(3, [0, 3], [0, 0])).Message);
        Assert.Contains("src[0] = -2", Assert.Throws<ArgumentOutOfRangeException>(() => CsrGraph.FromEdges(3, [0], [-2])).Message);
        Assert.Contains("dst has 2 edges but src has 1", Assert.Throws<ArgumentException>(() => CsrGraph.FromEdges(3, [0, 1], [0])).Message);
    }

    [Fact]
    public void FromEdges_and_hand_built_csr_aggregate_alike()
    {
        var src = GradCheck.Randn(1, 4, 3);
        var fromEdges = CsrGraph.FromEdges(4, [3, 0, 1, 3, 0, 3], [2, 1, 0, 0, 3, 0]);
        Assert.Equal(Tensor.SegmentSum(src, Small()).ToArray(), Tensor.SegmentSum(src, fromEdges).ToArray());
    }

    [Fact]
    public void Invalid_graphs_name_the_offending_position()
    {
        Assert.Contains("RowPointer[0] must be 0", Assert.Throws<ArgumentException>(() => new CsrGraph([1, 2], [0, 0])).Message);
        Assert.Contains("decreases at position 2", Assert.Throws<ArgumentException>(() => new CsrGraph([0, 2, 1, 2], [0, 0])).Message);
        Assert.Contains("ends at 1 (position 2) but ColIndex has 2", Assert.Throws<ArgumentException>(() => new CsrGraph([0, 1, 1], [0, 0])).Message);
        Assert.Contains("ColIndex[1] = -1", Assert.Throws<ArgumentException>(() => new CsrGraph([0, 2], [0, -1])).Message);
        Assert.Contains("at least one", Assert.Throws<ArgumentException>(() => new CsrGraph([], [])).Message);
        var range = Assert.Throws<ArgumentException>(() => Tensor.SegmentSum(Tensor.Ones(3, 2), Small()));
        Assert.Contains("column index 3 at edge 1", range.Message);
        Assert.Contains("3 nodes", range.Message);
        Assert.Contains("edgeWeight must be [6]", Assert.Throws<ArgumentException>(() => Tensor.SegmentSum(Tensor.Ones(4, 2), Small(), Tensor.Ones(5))).Message);
    }

    [Fact]
    public void Graphs_compare_by_their_arrays_not_their_caches()
    {
        var a = Small();
        var b = a with { };
        Tensor.SegmentSum(Tensor.Ones(4, 1).RequireGrad(), a).Sum().Backward(); // builds a's reverse graph
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, Small());
        Assert.Equal(0, new CsrGraph([0], []).Rows);
        Assert.Equal([0, 2], Tensor.SegmentSum(Tensor.Ones(3, 2), new CsrGraph([0], [])).Shape);
    }
}
