using System.Globalization;
using Lib.Tensors.NN;

namespace Lib.Tensors.Onnx;

/// <summary>
/// The export rules of <see cref="LSTM"/> and <see cref="GRU"/>: one ONNX <c>LSTM</c> or <c>GRU</c> node per layer
/// (both directions in one node), with the gate blocks reordered from PyTorch's (LSTM i, f, g, o → ONNX i, o, f, c;
/// GRU r, z, n → ONNX z, r, h, with <c>linear_before_reset=1</c>, PyTorch's formula). Optional per-sequence lengths
/// become <c>sequence_lens</c>, which gives the engine's ragged semantics: zero outputs past each length, each
/// sequence's final state at its own last step, the reverse direction starting there. Initial states are zero.
/// </summary>
public static class OnnxRecurrent
{
    /// <summary>
    /// Adds the LSTM on <paramref name="input"/> ([T, B, F], or [B, T, F] when batch-first) with optional int64
    /// <paramref name="lengths"/> [B] (null: every sequence is T steps). Returns the output ([T, B, D·H] or
    /// [B, T, D·H]), h_n and c_n ([L·D, B, H]).
    /// </summary>
    public static (string Output, string H, string C) Lstm(
        OnnxGraph graph,
        LSTM lstm,
        string input,
        string? lengths = null,
        string scope = ""
    )
    {
        ArgumentNullException.ThrowIfNull(lstm);
        var (output, states) = Run(graph, lstm, "LSTM", [0, 3, 1, 2], input, lengths, scope);
        return (output, states[0], states[1]);
    }

    /// <summary>
    /// Adds the GRU on <paramref name="input"/> ([T, B, F], or [B, T, F] when batch-first) with optional int64
    /// <paramref name="lengths"/> [B]. Returns the output ([T, B, D·H] or [B, T, D·H]) and h_n ([L·D, B, H]).
    /// </summary>
    public static (string Output, string H) Gru(
        OnnxGraph graph,
        GRU gru,
        string input,
        string? lengths = null,
        string scope = ""
    )
    {
        ArgumentNullException.ThrowIfNull(gru);
        var (output, states) = Run(graph, gru, "GRU", [1, 0, 2], input, lengths, scope);
        return (output, states[0]);
    }

    private static (string Output, string[] States) Run(
        OnnxGraph graph,
        RNNBase rnn,
        string op,
        int[] gateOrder,
        string input,
        string? lengths,
        string scope
    )
    {
        ArgumentNullException.ThrowIfNull(graph);
        bool lstm = op == "LSTM";
        int h = rnn.HiddenSize,
            d = rnn.NumDirections;
        var state = rnn.StateDict();
        var x = rnn.BatchFirst // ONNX's layout 0: [T, B, F]
            ? graph.Add(
                "Transpose",
                [input],
                OnnxModules.Hint(scope, "time_major"),
                OnnxAttributes.Ints("perm", 1, 0, 2)
            )
            : input;
        var seqLens = lengths is null
            ? ""
            : graph.Add("Cast", [lengths], OnnxModules.Hint(scope, "lengths_i32"), OnnxAttributes.Int("to", 6));
        var mergeShape = graph.AddInt64Initializer(OnnxModules.Key(scope, "merge_shape"), [0, 0, d * h], 3);
        var finals = new List<string>[lstm ? 2 : 1];
        for (int s = 0; s < finals.Length; s++)
            finals[s] = [];
        for (int layer = 0; layer < rnn.NumLayers; layer++)
        {
            string[] suffixes = [.. Enumerable.Range(0, d).Select(k => $"_l{layer}" + (k == 1 ? "_reverse" : ""))];
            int inputSize = state["weight_ih" + suffixes[0]].Size(1);
            var w = Stack(graph, scope, $"W_l{layer}", suffixes.Select(s => state["weight_ih" + s]), gateOrder, h);
            var r = Stack(graph, scope, $"R_l{layer}", suffixes.Select(s => state["weight_hh" + s]), gateOrder, h);
            string b = "";
            if (rnn.Bias)
                b = StackBias(
                    graph,
                    scope,
                    layer,
                    suffixes.Select(s => (state["bias_ih" + s], state["bias_hh" + s])),
                    gateOrder,
                    h
                );
            var attributes = new List<global::Onnx.AttributeProto>
            {
                OnnxAttributes.Int("hidden_size", h),
                OnnxAttributes.String("direction", d == 2 ? "bidirectional" : "forward"),
            };
            if (!lstm)
                attributes.Add(OnnxAttributes.Int("linear_before_reset", 1));
            var outs = graph.AddMulti(
                op,
                [x, w, r, b, seqLens],
                lstm ? 3 : 2,
                OnnxModules.Hint(scope, $"{op.ToLowerInvariant()}_l{layer}"),
                [.. attributes]
            );
            // Y [T, D, B, H] → [T, B, D, H] → [T, B, D·H]
            var y = graph.Add(
                "Transpose",
                [outs[0]],
                OnnxModules.Hint(scope, $"y_l{layer}"),
                OnnxAttributes.Ints("perm", 0, 2, 1, 3)
            );
            x = graph.Add("Reshape", [y, mergeShape], OnnxModules.Hint(scope, $"output_l{layer}"));
            for (int s = 0; s < finals.Length; s++)
                finals[s].Add(outs[1 + s]);
        }
        var output = rnn.BatchFirst
            ? graph.Add("Transpose", [x], OnnxModules.Hint(scope, "output"), OnnxAttributes.Ints("perm", 1, 0, 2))
            : x;
        var states = new string[finals.Length];
        string[] names = ["h_n", "c_n"];
        for (int s = 0; s < finals.Length; s++)
            states[s] =
                finals[s].Count == 1
                    ? finals[s][0]
                    : graph.Add(
                        "Concat",
                        [.. finals[s]],
                        OnnxModules.Hint(scope, names[s]),
                        OnnxAttributes.Int("axis", 0)
                    );
        return (output, states);
    }

    /// <summary>[G·H, in] per direction, gate blocks reordered → one initializer [D, G·H, in].</summary>
    private static string Stack(
        OnnxGraph graph,
        string scope,
        string name,
        IEnumerable<Tensor> weights,
        int[] order,
        int h
    )
    {
        var parts = weights.Select(wt => Reorder(wt.Data, order, h * wt.Size(1))).ToList();
        var cols = weights.First().Size(1);
        return graph.AddInitializer(
            OnnxModules.Key(scope, name),
            [.. parts.SelectMany(p => p)],
            [parts.Count, order.Length * h, cols]
        );
    }

    /// <summary>(bias_ih, bias_hh) per direction → one initializer [D, 2·G·H]: Wb then Rb, gates
    /// reordered.</summary>
    private static string StackBias(
        OnnxGraph graph,
        string scope,
        int layer,
        IEnumerable<(Tensor Ih, Tensor Hh)> biases,
        int[] order,
        int h
    )
    {
        var values = new List<float>();
        int d = 0;
        foreach (var (ih, hh) in biases)
        {
            values.AddRange(Reorder(ih.Data, order, h));
            values.AddRange(Reorder(hh.Data, order, h));
            d++;
        }
        return graph.AddInitializer(OnnxModules.Key(scope, $"B_l{layer}"), values.ToArray(), [d, 2 * order.Length * h]);
    }

    /// <summary>Blocks of <paramref name="block"/> values, taken in <paramref name="order"/>.</summary>
    private static float[] Reorder(ReadOnlySpan<float> values, int[] order, int block)
    {
        var result = new float[values.Length];
        for (int k = 0; k < order.Length; k++)
            values.Slice(order[k] * block, block).CopyTo(result.AsSpan(k * block, block));
        return result;
    }
}
