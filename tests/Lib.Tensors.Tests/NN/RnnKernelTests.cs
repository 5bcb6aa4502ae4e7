using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

/// <summary>The fused LSTM/GRU kernels against their composition from primitives (<see cref="FusedOps.Disable"/>) and finite differences, and the packing semantics of ragged lengths.</summary>
public class RnnKernelTests
{
    private const int B = 3, T = 4, In = 3, H = 4;

    /// <summary>Fused and reference kernels add in a different order, over several steps and layers.</summary>
    private const float Atol = 1e-5f, Rtol = 1e-4f;

    public static TheoryData<bool, int, bool, bool, bool, bool, bool> Configs()
    {
        var data = new TheoryData<bool, int, bool, bool, bool, bool, bool>();
        foreach (bool lstm in new[] { true, false })
        {
            // lstm, layers, bidirectional, batchFirst, ragged, withState, bias
            data.Add(lstm, 1, false, false, false, false, true);
            data.Add(lstm, 1, false, true, true, true, true);
            data.Add(lstm, 1, true, false, true, false, true);
            data.Add(lstm, 2, true, true, true, true, true);
            data.Add(lstm, 2, false, false, true, true, false);
            data.Add(lstm, 3, true, false, false, true, true);
        }
        return data;
    }

    private static RNNBase Make(bool lstm, int layers, bool bidirectional, bool batchFirst, bool bias, int input = In, int hidden = H) => lstm
        ? new LSTM(input, hidden, new Generator(11), numLayers: layers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional)
        : new GRU(input, hidden, new Generator(11), numLayers: layers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional);

    private static (Tensor Output, Tensor H, Tensor? C) Fused(RNNBase m, Tensor x, IndexTensor? lengths, Tensor? h0, Tensor? c0) => m switch
    {
        LSTM lstm => lstm.Forward(x, lengths, h0 is null ? null : (h0, c0!)),
        GRU gru => ToTriple(gru.Forward(x, lengths, h0)),
        _ => throw new InvalidOperationException(),
    };

    /// <summary>The same module on its composed path (<see cref="Composed.LstmLayer"/>, <see cref="Composed.GruLayer"/>).</summary>
    private static (Tensor Output, Tensor H, Tensor? C) Reference(RNNBase m, Tensor x, int[]? lengths, Tensor? h0, Tensor? c0)
    {
        using var _ = FusedOps.Disable();
        return Fused(m, x, lengths is null ? null : IndexTensor.FromArray(lengths), h0, c0);
    }

    private static (Tensor, Tensor, Tensor?) ToTriple((Tensor Output, Tensor H) r) => (r.Output, r.H, null);

    private static Tensor Loss((Tensor Output, Tensor H, Tensor? C) r, long seed)
    {
        var loss = r.Output.Mul(GradCheck.Randn(seed, [.. r.Output.Shape])).Sum() + r.H.Mul(GradCheck.Randn(seed + 1, [.. r.H.Shape])).Sum();
        return r.C is null ? loss : loss + r.C.Mul(GradCheck.Randn(seed + 2, [.. r.C.Shape])).Sum();
    }

    [Theory, MemberData(nameof(Configs))]
    public void Fused_kernels_match_the_reference_values_and_gradients(bool lstm, int layers, bool bidirectional, bool batchFirst, bool ragged, bool withState, bool bias)
    {
        var m = Make(lstm, layers, bidirectional, batchFirst, bias);
        // With two layers no sequence reaches the last step, so trailing steps are skipped entirely.
        int[]? lengths = !ragged ? null : layers == 2 ? [2, T - 1, 1] : [2, T, 1];
        int rows = layers * m.NumDirections;
        var x = GradCheck.Randn(1, batchFirst ? [B, T, In] : [T, B, In]).RequireGrad();
        var h0 = withState ? GradCheck.Randn(2, rows, B, H).Mul(Tensor.Scalar(0.5f)).Detach().RequireGrad() : null;
        var c0 = withState && lstm ? GradCheck.Randn(3, rows, B, H).Detach().RequireGrad() : null;

        var fused = Fused(m, x, lengths is null ? null : IndexTensor.FromArray(lengths), h0, c0);
        Loss(fused, 7).Backward();
        var grads = new[] { x, h0, c0 }.Concat(m.Parameters()).Select(t => t?.Grad?.ToArray()).ToList();
        foreach (var t in new[] { x, h0, c0 }.Concat(m.Parameters())) if (t is not null) t.Grad = null;

        var reference = Reference(m, x, lengths, h0, c0);
        Assert.NotEqual(fused.Output.GradFn!.Name, reference.Output.GradFn!.Name); // the composed path ran
        Approx.Equal(reference.Output, fused.Output, Atol, Rtol, "output");
        Approx.Equal(reference.H, fused.H, Atol, Rtol, "h_n");
        if (lstm) Approx.Equal(reference.C!, fused.C!, Atol, Rtol, "c_n");
        Loss(reference, 7).Backward();
        var names = new[] { "input", "h_0", "c_0" }.Concat(m.NamedParameters().Select(p => p.Name)).ToList();
        var tensors = new[] { x, h0, c0 }.Concat(m.Parameters()).ToList();
        for (int i = 0; i < tensors.Count; i++)
        {
            if (tensors[i] is null) continue;
            Approx.Equal(tensors[i]!.Grad!, Tensor.FromArray(grads[i]!, [.. tensors[i]!.Shape]), Atol, Rtol, $"grad {names[i]}");
        }
    }

    /// <summary>Under NoGrad the layers write output, h_n and c_n into tensors of their own: the same numbers as with autograd.</summary>
    [Theory, MemberData(nameof(Configs))]
    public void Without_autograd_the_outputs_are_the_same(bool lstm, int layers, bool bidirectional, bool batchFirst, bool ragged, bool withState, bool bias)
    {
        var m = Make(lstm, layers, bidirectional, batchFirst, bias);
        var lengths = ragged ? IndexTensor.FromArray([2, T, 1]) : null;
        var x = GradCheck.Randn(1, batchFirst ? [B, T, In] : [T, B, In]).RequireGrad();
        int rows = layers * m.NumDirections;
        var h0 = withState ? GradCheck.Randn(2, rows, B, H) : null;
        var c0 = withState && lstm ? GradCheck.Randn(3, rows, B, H) : null;
        var recorded = Fused(m, x, lengths, h0, c0);
        Assert.NotNull(recorded.Output.GradFn);
        (Tensor Output, Tensor H, Tensor? C) plain;
        using (Lib.Tensors.Autograd.GradMode.NoGrad()) plain = Fused(m, x, lengths, h0, c0);
        Assert.Null(plain.Output.GradFn);
        Assert.Equal(recorded.Output.Shape, plain.Output.Shape);
        Assert.Equal(recorded.Output.ToArray(), plain.Output.ToArray());
        Assert.Equal(recorded.H.Shape, plain.H.Shape);
        Assert.Equal(recorded.H.ToArray(), plain.H.ToArray());
        Assert.Equal(recorded.C?.ToArray(), plain.C?.ToArray());
    }

    /// <summary>300 rows of hidden 64 split each step's cells across the cores (parts of at least 128 rows): still the reference's numbers.</summary>
    [Fact]
    public void A_batch_whose_steps_split_across_the_cores_matches_the_reference()
    {
        const int batch = 300, time = 3, hidden = 64;
        var m = Make(lstm: true, layers: 1, bidirectional: true, batchFirst: true, bias: true, hidden: hidden);
        var gen = new Generator(5);
        var lengths = Enumerable.Range(0, batch).Select(_ => 1 + gen.NextInt(time)).ToArray();
        var x = GradCheck.Randn(1, batch, time, In).RequireGrad();
        var fused = Fused(m, x, IndexTensor.FromArray(lengths), null, null);
        Loss(fused, 7).Backward();
        var grads = new[] { x }.Concat(m.Parameters()).Select(t => t.Grad!.ToArray()).ToList();
        foreach (var t in new[] { x }.Concat(m.Parameters())) t.Grad = null;

        var reference = Reference(m, x, lengths, null, null);
        Approx.Equal(reference.Output, fused.Output, Atol, Rtol, "output");
        Approx.Equal(reference.H, fused.H, Atol, Rtol, "h_n");
        Approx.Equal(reference.C!, fused.C!, Atol, Rtol, "c_n");
        Loss(reference, 7).Backward();
        var tensors = new[] { x }.Concat(m.Parameters()).ToList();
        for (int i = 0; i < tensors.Count; i++) Approx.Equal(tensors[i].Grad!, Tensor.FromArray(grads[i], [.. tensors[i].Shape]), Atol, Rtol, $"grad {i}");
    }

    /// <summary>Dropout between layers in training: the composed path applies the same masks, drawn from the module's generator.</summary>
    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void With_dropout_between_layers_the_composed_path_draws_the_same_masks(bool lstm, bool batchFirst)
    {
        RNNBase Build() => lstm
            ? new LSTM(In, H, new Generator(11), numLayers: 3, batchFirst: batchFirst, dropout: 0.4f, bidirectional: true)
            : new GRU(In, H, new Generator(11), numLayers: 3, batchFirst: batchFirst, dropout: 0.4f, bidirectional: true);
        var (fusedModule, composedModule) = (Build(), Build());
        int[] lengths = [2, T, 1];
        var x = GradCheck.Randn(1, batchFirst ? [B, T, In] : [T, B, In]);
        var (xf, xc) = (x.Detach().Clone().RequireGrad(), x.Detach().Clone().RequireGrad());
        var fused = Fused(fusedModule, xf, IndexTensor.FromArray(lengths), null, null);
        var composed = Reference(composedModule, xc, lengths, null, null);
        Assert.Contains(0f, fused.Output.ToArray()); // padding, and dropped units of the last layer's input
        Approx.Equal(composed.Output, fused.Output, Atol, Rtol, "output");
        Approx.Equal(composed.H, fused.H, Atol, Rtol, "h_n");
        Loss(fused, 7).Backward();
        Loss(composed, 7).Backward();
        Approx.Equal(xc.Grad!, xf.Grad!, Atol, Rtol, "grad input");
        foreach (var ((name, pf), pc) in fusedModule.NamedParameters().Zip(composedModule.Parameters()))
            Approx.Equal(pc.Grad!, pf.Grad!, Atol, Rtol, $"grad {name}");
    }

    /// <summary>Under NoGrad the fused layers' inference path and the composed path agree too.</summary>
    [Theory, MemberData(nameof(Configs))]
    public void Without_autograd_the_fused_and_composed_paths_agree(bool lstm, int layers, bool bidirectional, bool batchFirst, bool ragged, bool withState, bool bias)
    {
        var m = Make(lstm, layers, bidirectional, batchFirst, bias);
        int[]? lengths = ragged ? [2, T, 1] : null;
        var x = GradCheck.Randn(1, batchFirst ? [B, T, In] : [T, B, In]);
        int rows = layers * m.NumDirections;
        var h0 = withState ? GradCheck.Randn(2, rows, B, H) : null;
        var c0 = withState && lstm ? GradCheck.Randn(3, rows, B, H) : null;
        using var _ = Lib.Tensors.Autograd.GradMode.NoGrad();
        var fused = Fused(m, x, lengths is null ? null : IndexTensor.FromArray(lengths), h0, c0);
        var reference = Reference(m, x, lengths, h0, c0);
        Approx.Equal(reference.Output, fused.Output, Atol, Rtol, "output");
        Approx.Equal(reference.H, fused.H, Atol, Rtol, "h_n");
        if (lstm) Approx.Equal(reference.C!, fused.C!, Atol, Rtol, "c_n");
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void Gradients_match_finite_differences_with_ragged_lengths_and_initial_state(bool lstm, bool bidirectional)
    {
        const int b = 2, t = 3, inF = 2, h = 3;
        var m = Make(lstm, 1, bidirectional, batchFirst: true, bias: true, input: inF, hidden: h);
        var lengths = IndexTensor.FromArray([2, 3]);
        int rows = m.NumDirections;
        var x = GradCheck.Randn(4, b, t, inF);
        var h0 = GradCheck.Randn(5, rows, b, h).Mul(Tensor.Scalar(0.5f)).Detach();
        var c0 = GradCheck.Randn(6, rows, b, h).Mul(Tensor.Scalar(0.5f)).Detach();
        Tensor[] inputs = lstm ? [x, h0, c0, .. m.Parameters()] : [x, h0, .. m.Parameters()];
        GradCheck.Check(v => Loss(Fused(m, v[0], lengths, v[1], lstm ? v[2] : null), 9), inputs, eps: 1e-2f, atol: 5e-3f, rtol: 2e-2f);
        // Padded input steps never matter.
        Assert.Equal(new float[inF], x.Grad!.Data.Slice((0 * t + 2) * inF, inF).ToArray());
    }

    [Fact]
    public void Two_layer_gradients_match_finite_differences()
    {
        var m = new LSTM(2, 3, new Generator(3), numLayers: 2, bidirectional: true);
        var lengths = IndexTensor.FromArray([1, 3]);
        var x = GradCheck.Randn(8, 3, 2, 2);
        GradCheck.Check(v => Loss(m.Forward(v[0], lengths), 10), [x, .. m.Parameters()], eps: 1e-2f, atol: 5e-3f, rtol: 2e-2f);
        var g = new GRU(2, 3, new Generator(3), numLayers: 2, bidirectional: true);
        GradCheck.Check(v => Loss(ToTriple(g.Forward(v[0], lengths)), 10), [GradCheck.Randn(9, 3, 2, 2), .. g.Parameters()], eps: 1e-2f, atol: 5e-3f, rtol: 2e-2f);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_ragged_batch_equals_each_sequence_run_alone(bool lstm)
    {
        const int b = 4, t = 5;
        var m = Make(lstm, 2, bidirectional: true, batchFirst: true, bias: true);
        int[] lengths = [3, 5, 1, 4];
        var x = GradCheck.Randn(12, b, t, In);
        var h0 = GradCheck.Randn(13, 4, b, H);
        var c0 = GradCheck.Randn(14, 4, b, H);
        var batched = Fused(m, x, IndexTensor.FromArray(lengths), h0, lstm ? c0 : null);
        for (int i = 0; i < b; i++)
        {
            int len = lengths[i];
            var xi = Tensor.FromArray(x.Data.Slice(i * t * In, len * In).ToArray(), 1, len, In);
            var alone = Fused(m, xi, null, StateOf(h0, i), lstm ? StateOf(c0, i) : null);
            for (int s = 0; s < t; s++)
            {
                var row = batched.Output.Data.Slice((i * t + s) * 2 * H, 2 * H).ToArray();
                var expected = s < len ? alone.Output.Data.Slice(s * 2 * H, 2 * H).ToArray() : new float[2 * H];
                Approx.Equal(Tensor.FromArray(expected), Tensor.FromArray(row), Atol, Rtol, $"sequence {i} step {s}");
            }
            Approx.Equal(alone.H, StateOf(batched.H, i), Atol, Rtol, $"h_n of sequence {i}");
            if (lstm) Approx.Equal(alone.C!, StateOf(batched.C!, i), Atol, Rtol, $"c_n of sequence {i}");
        }
        // Past each length the output is exactly zero.
        Assert.All(batched.Output.Data.Slice((2 * t + 1) * 2 * H, 4 * 2 * H).ToArray(), v => Assert.Equal(0f, v));
    }

    /// <summary>Sequence <paramref name="b"/> of a [rows, B, H] state as [rows, 1, H].</summary>
    private static Tensor StateOf(Tensor state, int b)
    {
        int rows = state.Size(0), batch = state.Size(1), h = state.Size(2);
        var data = new float[rows * h];
        for (int r = 0; r < rows; r++) state.Data.Slice((r * batch + b) * h, h).CopyTo(data.AsSpan(r * h, h));
        return Tensor.FromArray(data, rows, 1, h);
    }
}
