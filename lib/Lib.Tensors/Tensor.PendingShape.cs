namespace Lib.Tensors;

// API declared ahead of its implementation (being written in parallel); each member moves to its
// own file with its gradient rule and tests, and this file disappears.
public sealed partial class Tensor
{
    private static NotImplementedException PendingShape() => new("Not implemented yet.");

    /// <summary>
    /// Graph aggregation: out[i] = Σ src[colIndex[e]] over the edges e of row i (rowPointer[i] ≤ e &lt; rowPointer[i+1]),
    /// optionally weighted; src [nodes, F] → [rows, F].
    /// </summary>
    public static Tensor SegmentSum(Tensor src, CsrGraph graph, Tensor? edgeWeight = null) => throw PendingShape();
}

/// <summary>A sparse adjacency in compressed sparse row form: row i's edges are colIndex[rowPointer[i] .. rowPointer[i+1]).</summary>
public sealed record CsrGraph(int[] RowPointer, int[] ColIndex)
{
    /// <summary>The number of rows (destination nodes).</summary>
    public int Rows => RowPointer.Length - 1;

    /// <summary>The number of edges.</summary>
    public int Edges => ColIndex.Length;
}
