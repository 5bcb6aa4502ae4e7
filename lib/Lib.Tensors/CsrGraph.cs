namespace Lib.Tensors;

/// <summary>
/// A sparse adjacency in compressed sparse row form: row i's edges are
/// <c>ColIndex[RowPointer[i] .. RowPointer[i+1])</c>, each naming a source node. RowPointer starts at 0,
/// never decreases and ends at the edge count; column indices are non-negative (checked on construction;
/// <see cref="Tensor.SegmentSum"/> checks them against the source's node count). The arrays must not be
/// changed afterwards: the checks and the reverse graph used by backward are cached.
/// </summary>
public sealed record CsrGraph(int[] RowPointer, int[] ColIndex)
{
    /// <summary>The row pointer: rows + 1 non-decreasing offsets from 0 to the edge count.</summary>
    public int[] RowPointer { get; } = RowPointer ?? throw new ArgumentNullException(nameof(RowPointer));

    /// <summary>The source node of each edge, row by row.</summary>
    public int[] ColIndex { get; } = ColIndex ?? throw new ArgumentNullException(nameof(ColIndex));

    // Validates on construction; the edge with the largest column, for SegmentSum's range check.
    private readonly int _maxColumnEdge = Validate(RowPointer, ColIndex);

    private Reverse? _reverse;

    /// <summary>The number of rows (destination nodes).</summary>
    public int Rows => RowPointer.Length - 1;

    /// <summary>The number of edges.</summary>
    public int Edges => ColIndex.Length;

    /// <summary>One more than the largest column index: the fewest source nodes the graph can address (0 without
    /// edges).</summary>
    public int MinSourceNodes => _maxColumnEdge < 0 ? 0 : ColIndex[_maxColumnEdge] + 1;

    /// <summary>The edge holding the largest column index, or -1 without edges.</summary>
    internal int MaxColumnEdge => _maxColumnEdge;

    /// <summary>
    /// CSR from an edge list: edge e goes from source node <paramref name="src"/>[e] into row
    /// <paramref name="dst"/>[e]. Edges keep their input order within each row (a stable sort by destination).
    /// </summary>
    public static CsrGraph FromEdges(int rows, int[] dst, int[] src) => FromEdges(rows, dst, src, out _);

    /// <summary>
    /// As <see cref="FromEdges(int, int[], int[])"/>, also giving <paramref name="edgeOrder"/>: the input edge
    /// at each CSR position, so per-edge values (weights) follow with <c>weights.IndexSelect(0, edgeOrder)</c>.
    /// </summary>
    public static CsrGraph FromEdges(int rows, int[] dst, int[] src, out int[] edgeOrder)
    {
        ArgumentNullException.ThrowIfNull(dst);
        ArgumentNullException.ThrowIfNull(src);
        if (rows < 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"FromEdges: rows must not be negative, got {rows}.");
        if (dst.Length != src.Length)
            throw new ArgumentException(
                $"FromEdges: dst has {dst.Length} edges but src has {src.Length}.",
                nameof(src)
            );
        var rowPointer = new int[rows + 1];
        for (int e = 0; e < dst.Length; e++)
        {
            if ((uint)dst[e] >= (uint)rows)
                throw new ArgumentOutOfRangeException(
                    nameof(dst),
                    $"FromEdges: dst[{e}] = {dst[e]} is out of range for {rows} rows."
                );
            if (src[e] < 0)
                throw new ArgumentOutOfRangeException(nameof(src), $"FromEdges: src[{e}] = {src[e]} is negative.");
            rowPointer[dst[e] + 1]++;
        }
        for (int i = 0; i < rows; i++)
            rowPointer[i + 1] += rowPointer[i];
        var next = rowPointer[..^1];
        var colIndex = new int[src.Length];
        edgeOrder = new int[src.Length];
        for (int e = 0; e < dst.Length; e++)
        {
            int slot = next[dst[e]]++;
            colIndex[slot] = src[e];
            edgeOrder[slot] = e;
        }
        return new CsrGraph(rowPointer, colIndex);
    }

    /// <summary>The transposed graph (built once): for each source node, the edges leaving it, with their
    /// rows.</summary>
    internal Reverse Transposed => _reverse ??= BuildReverse();

    /// <summary>
    /// The graph grouped by source node: node n's edges are <c>Edge[Pointer[n] .. Pointer[n+1])</c> (CSR positions,
    /// ascending) and <c>Row</c> holds each one's destination row.
    /// </summary>
    internal sealed record Reverse(int[] Pointer, int[] Edge, int[] Row);

    private Reverse BuildReverse()
    {
        int nodes = MinSourceNodes;
        var pointer = new int[nodes + 1];
        foreach (int c in ColIndex)
            pointer[c + 1]++;
        for (int n = 0; n < nodes; n++)
            pointer[n + 1] += pointer[n];
        var next = pointer[..^1];
        var edge = new int[Edges];
        var row = new int[Edges];
        for (int i = 0; i < Rows; i++)
        for (int e = RowPointer[i]; e < RowPointer[i + 1]; e++)
        {
            int slot = next[ColIndex[e]]++;
            edge[slot] = e;
            row[slot] = i;
        }
        return new Reverse(pointer, edge, row);
    }

    private static int Validate(int[] rowPointer, int[] colIndex)
    {
        if (rowPointer is null || colIndex is null)
            return -1; // the property initialisers have thrown already
        if (rowPointer.Length == 0)
            throw new ArgumentException(
                "CsrGraph: RowPointer needs rows + 1 entries (at least one, [0] for no rows).",
                nameof(RowPointer)
            );
        if (rowPointer[0] != 0)
            throw new ArgumentException($"CsrGraph: RowPointer[0] must be 0, got {rowPointer[0]}.", nameof(RowPointer));
        for (int i = 1; i < rowPointer.Length; i++)
            if (rowPointer[i] < rowPointer[i - 1])
                throw new ArgumentException(
                    $"CsrGraph: RowPointer decreases at position {i} ({rowPointer[i - 1]} then "
                        + $"{rowPointer[i]}); it must be non-decreasing.",
                    nameof(RowPointer)
                );
        if (rowPointer[^1] != colIndex.Length)
            throw new ArgumentException(
                $"CsrGraph: RowPointer ends at {rowPointer[^1]} (position {rowPointer.Length - 1}) but ColIndex "
                    + $"has {colIndex.Length} edges; they must be equal.",
                nameof(RowPointer)
            );
        int maxEdge = -1;
        for (int e = 0; e < colIndex.Length; e++)
        {
            if (colIndex[e] < 0)
                throw new ArgumentException($"CsrGraph: ColIndex[{e}] = {colIndex[e]} is negative.", nameof(ColIndex));
            if (maxEdge < 0 || colIndex[e] > colIndex[maxEdge])
                maxEdge = e;
        }
        return maxEdge;
    }

    /// <summary>Equal when both hold the same two arrays (by reference, like the arrays themselves).</summary>
    public bool Equals(CsrGraph? other) =>
        other is not null && ReferenceEquals(RowPointer, other.RowPointer) && ReferenceEquals(ColIndex, other.ColIndex);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RowPointer, ColIndex);

    /// <inheritdoc/>
    public override string ToString() => $"CsrGraph {{ Rows = {Rows}, Edges = {Edges} }}";
}
