using System.Numerics.Tensors;

namespace Lib.Tensors;

// Graph aggregation over a CsrGraph (message passing: sum of neighbour features).
public sealed partial class Tensor
{
    /// <summary>
    /// Graph aggregation: out[i] = Σ w_e · src[colIndex[e]] over the edges e of row i
    /// (rowPointer[i] ≤ e &lt; rowPointer[i+1]), with w_e = <paramref name="edgeWeight"/>[e] or 1;
    /// src [nodes, F...] → [rows, F...]; a row without edges is zero. Gradients flow to src and to the weights.
    /// </summary>
    public static Tensor SegmentSum(Tensor src, CsrGraph graph, Tensor? edgeWeight = null)
    {
        ArgumentNullException.ThrowIfNull(src);
        ArgumentNullException.ThrowIfNull(graph);
        if (src.Dim == 0)
            throw new ArgumentException(
                "SegmentSum: src must be [nodes, features...]; it is 0-dimensional.",
                nameof(src)
            );
        int nodes = src._shape[0];
        if (graph.MinSourceNodes > nodes)
            throw new ArgumentException(
                $"SegmentSum: graph column index {graph.MinSourceNodes - 1} at edge {graph.MaxColumnEdge} is "
                    + $"out of range for src with {nodes} nodes ({ShapeText(src.Shape)}).",
                nameof(graph)
            );
        if (edgeWeight is not null && (edgeWeight.Dim != 1 || edgeWeight._shape[0] != graph.Edges))
            throw new ArgumentException(
                $"SegmentSum: edgeWeight must be [{graph.Edges}] (one weight per edge), got "
                    + $"{ShapeText(edgeWeight.Shape)}.",
                nameof(edgeWeight)
            );
        int features = nodes == 0 ? (int)ShapeSize(src._shape[1..]) : src.NumEl / nodes;
        var shape = (int[])src._shape.Clone();
        shape[0] = graph.Rows;
        var result = TensorStorage.Zeroed(graph.Rows * features);
        var x = src._data;
        var w = edgeWeight?._data;
        var rowPointer = graph.RowPointer;
        var col = graph.ColIndex;
        for (int i = 0; i < graph.Rows; i++)
        {
            var row = result.AsSpan(i * features, features);
            for (int e = rowPointer[i]; e < rowPointer[i + 1]; e++)
            {
                var source = x.AsSpan(col[e] * features, features);
                if (w is null)
                    TensorPrimitives.Add(row, source, row);
                else
                    TensorPrimitives.MultiplyAdd(source, w[e], row, row);
            }
        }
        Tensor[] inputs = edgeWeight is null ? [src] : [src, edgeWeight];
        return Record(new Tensor(result, shape), "SegmentSumBackward", inputs, g =>
        {
            var gd = g._data;
            Tensor? srcGrad = null,
                weightGrad = null;
            if (src.RequiresGrad)
            {
                // Gather per source node over the transposed graph: no two nodes write the same row.
                var reverse = graph.Transposed;
                var grad = TensorStorage.Zeroed(src.NumEl);
                for (int n = 0; n + 1 < reverse.Pointer.Length; n++)
                {
                    var dest = grad.AsSpan(n * features, features);
                    for (int r = reverse.Pointer[n]; r < reverse.Pointer[n + 1]; r++)
                    {
                        var upstream = gd.AsSpan(reverse.Row[r] * features, features);
                        if (w is null)
                            TensorPrimitives.Add(dest, upstream, dest);
                        else
                            TensorPrimitives.MultiplyAdd(upstream, w[reverse.Edge[r]], dest, dest);
                    }
                }
                srcGrad = new Tensor(grad, src._shape);
            }
            if (edgeWeight is { RequiresGrad: true })
            {
                var grad = new float[graph.Edges];
                for (int i = 0; i < graph.Rows; i++)
                {
                    var upstream = gd.AsSpan(i * features, features);
                    for (int e = rowPointer[i]; e < rowPointer[i + 1]; e++)
                        grad[e] = TensorPrimitives.Dot(upstream, x.AsSpan(col[e] * features, features));
                }
                weightGrad = new Tensor(grad, edgeWeight._shape);
            }
            return edgeWeight is null ? [srcGrad] : [srcGrad, weightGrad];
        });
    }
}
