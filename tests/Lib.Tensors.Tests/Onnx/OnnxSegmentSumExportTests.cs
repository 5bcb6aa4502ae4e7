using Lib.Tensors.Onnx;

namespace Lib.Tensors.Tests.Onnx;

public class OnnxSegmentSumExportTests
{
    [Theory]
    [InlineData(7, 5, 30, 1)] // a row without edges is possible; repeated columns are
    [InlineData(40, 23, 23 * 22, 2)] // one play's fully connected graph
    [InlineData(3, 9, 1, 3)] // a single edge, more rows than nodes
    public void The_aggregation_runs_in_ONNX_Runtime_as_the_engine_computes_it(int rows, int nodes, int edges, long seed)
    {
        var generator = new Generator(seed);
        const int features = 6;
        var dst = new int[edges];
        var src = new int[edges];
        var draws = Tensor.Rand(generator, 2, edges).Data;
        for (int e = 0; e < edges; e++)
        {
            dst[e] = Math.Min(rows - 1, (int)(draws[e] * rows));
            src[e] = Math.Min(nodes - 1, (int)(draws[edges + e] * nodes));
        }
        var graph = CsrGraph.FromEdges(rows, dst, src);
        var source = Tensor.Randn(generator, nodes, features);
        var expected = Tensor.SegmentSum(source, graph);

        var (rowList, columnList) = OnnxSegmentSum.EdgeLists(graph);
        var model = OnnxSegmentSum.Model(features);
        var actual = OnnxRun.Run(
            model,
            floats: new Dictionary<string, Tensor> { [OnnxSegmentSum.Source] = source },
            ids: new Dictionary<string, IndexTensor>
            {
                [OnnxSegmentSum.Columns] = IndexTensor.FromArray(Array.ConvertAll(columnList, c => (int)c), edges),
                [OnnxSegmentSum.Rows] = IndexTensor.FromArray(Array.ConvertAll(rowList, r => (int)r), edges),
                [OnnxSegmentSum.RowCount] = IndexTensor.FromArray([rows], 1),
            }
        )[OnnxSegmentSum.Output];
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.NumEl; i++)
            Assert.True(
                Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-5f * (1 + Math.Abs(expected.Data[i])),
                $"row {i / features}, feature {i % features}: engine {expected.Data[i]:G9}, ONNX Runtime {actual.Data[i]:G9}"
            );
    }

    [Fact]
    public void The_edge_lists_are_the_CSR_graphs_rows_and_columns()
    {
        var graph = new CsrGraph([0, 2, 2, 3], [4, 1, 0]);
        var (rows, columns) = OnnxSegmentSum.EdgeLists(graph);
        Assert.Equal([0L, 0, 2], rows);
        Assert.Equal([4L, 1, 0], columns);
    }
}
