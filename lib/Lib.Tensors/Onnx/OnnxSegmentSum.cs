using Onnx;
using static Lib.Tensors.Onnx.OnnxModules;

namespace Lib.Tensors.Onnx;

/// <summary>
/// Graph aggregation (<see cref="Tensor.SegmentSum"/>) in ONNX: the CSR graph becomes two int64 edge lists,
/// <c>columns</c> (each edge's source node) and <c>rows</c> (each edge's destination row), and the sum is
/// <c>Gather</c> of the source rows followed by <c>ScatterND</c> with <c>reduction="add"</c> (opset 16+) into zeros of
/// shape [row count, F…] (<c>ConstantOfShape</c>). Every count is dynamic, so one exported model serves graphs of any
/// size. Edges are summed in ONNX Runtime's order rather than the CSR's, so results agree to rounding.
/// </summary>
public static class OnnxSegmentSum
{
    /// <summary>The input names of <see cref="Model"/>.</summary>
    public const string Source = "source",
        Columns = "columns",
        Rows = "rows",
        RowCount = "row_count",
        Output = "output";

    /// <summary>
    /// out[r] = Σ over the edges e with rows[e] = r of <paramref name="updates"/>[e]: <paramref name="updates"/>
    /// [E, F…], <paramref name="rows"/> int64 [E], <paramref name="rowCount"/> int64 [1] → [row count, F…].
    /// </summary>
    public static string ScatterAdd(OnnxGraph graph, string updates, string rows, string rowCount, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        var shape = graph.Add("Shape", [updates], Hint(scope, "updates_shape"));
        var tail = graph.Add(
            "Slice",
            [
                shape,
                graph.AddInt64Initializer(Key(scope, "one"), [1], 1),
                graph.AddInt64Initializer(Key(scope, "end"), [long.MaxValue], 1),
            ],
            Hint(scope, "feature_shape")
        );
        var outShape = graph.Add("Concat", [rowCount, tail], Hint(scope, "out_shape"), OnnxAttributes.Int("axis", 0));
        var zeros = graph.Add("ConstantOfShape", [outShape], Hint(scope, "zeros")); // float 0 by default
        var index = graph.Add(
            "Unsqueeze",
            [rows, graph.AddInt64Initializer(Key(scope, "index_axis"), [1], 1)],
            Hint(scope, "row_index")
        ); // [E, 1]
        return graph.Add(
            "ScatterND",
            [zeros, index, updates],
            Hint(scope, "segment_sum"),
            OnnxAttributes.String("reduction", "add")
        );
    }

    /// <summary>
    /// <see cref="Tensor.SegmentSum"/> without edge weights: <paramref name="source"/> [nodes, F…] gathered by
    /// <paramref name="columns"/> int64 [E] and summed by <paramref name="rows"/> int64 [E] into
    /// [<paramref name="rowCount"/>, F…].
    /// </summary>
    public static string Emit(
        OnnxGraph graph,
        string source,
        string columns,
        string rows,
        string rowCount,
        string scope = ""
    )
    {
        ArgumentNullException.ThrowIfNull(graph);
        var gathered = graph.Add("Gather", [source, columns], Hint(scope, "gathered"), OnnxAttributes.Int("axis", 0));
        return ScatterAdd(graph, gathered, rows, rowCount, scope);
    }

    /// <summary>The model of the aggregation alone: inputs <c>source</c> float [nodes, F], <c>columns</c> and
    /// <c>rows</c> int64 [edges], <c>row_count</c> int64 [1]; output <c>output</c> [rows, F].</summary>
    public static ModelProto Model(int features)
    {
        var graph = new OnnxGraph("SegmentSum");
        var source = graph.AddInput(Source, ["nodes", features]);
        var columns = graph.AddInput(Columns, ["edges"], TensorProto.Types.DataType.Int64);
        var rows = graph.AddInput(Rows, ["edges"], TensorProto.Types.DataType.Int64);
        var count = graph.AddInput(RowCount, [1], TensorProto.Types.DataType.Int64);
        graph.AddOutput(Emit(graph, source, columns, rows, count), Output, ["rows", features]);
        return graph.ToModel();
    }

    /// <summary>The two edge lists of a CSR graph, in CSR order: each edge's destination row and source
    /// column.</summary>
    public static (long[] Rows, long[] Columns) EdgeLists(CsrGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var rows = new long[graph.Edges];
        for (int i = 0; i < graph.Rows; i++)
        for (int e = graph.RowPointer[i]; e < graph.RowPointer[i + 1]; e++)
            rows[e] = i;
        return (rows, Array.ConvertAll(graph.ColIndex, c => (long)c));
    }
}
