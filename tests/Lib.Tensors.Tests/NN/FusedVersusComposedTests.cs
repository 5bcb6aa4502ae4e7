using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

/// <summary>
/// Every fused op against its composition from primitives (<see cref="Composed"/>, run through
/// <see cref="FusedOps.Disable"/>), in values and in the gradients of every input and parameter, on each path the
/// op has: multi-head attention (self and cross, batch-first or not, masks, weights), the fused losses (L1, MSE,
/// BCE-with-logits with its weights) in every reduction. LSTM, GRU, scaled dot-product attention and layer norm have
/// theirs in <see cref="RnnKernelTests"/>, <see cref="AttentionTests"/> and <see cref="LayerNormTests"/>.
/// </summary>
public class FusedVersusComposedTests
{
    private const float Atol = 1e-5f, Rtol = 1e-4f;

    /// <summary>Runs <paramref name="f"/> fused and composed on copies of <paramref name="inputs"/> and compares outputs and gradients.</summary>
    private static void Same(Func<Tensor[], Tensor[]> f, Tensor[] inputs, IReadOnlyList<(string Name, Tensor Tensor)>? parameters = null)
    {
        parameters ??= [];
        (Tensor[] Outputs, float[][] Grads) Run(bool fused)
        {
            var leaves = inputs.Select(x => x.Detach().Clone().RequireGrad()).ToArray();
            foreach (var (_, p) in parameters) p.Grad = null;
            Tensor[] outputs;
            using (EngineModes.Enter(fused ? "pooled, fused" : "composed ops")) outputs = f(leaves);
            Tensor? loss = null;
            for (int i = 0; i < outputs.Length; i++)
            {
                var term = (outputs[i] * GradCheck.Randn(40 + i, [.. outputs[i].Shape])).Sum();
                loss = loss is null ? term : loss + term;
            }
            loss!.Backward();
            var grads = leaves.Select(l => l.Grad!.ToArray()).Concat(parameters.Select(p => p.Tensor.Grad!.ToArray())).ToArray();
            return (outputs, grads);
        }
        var (fusedOut, fusedGrads) = Run(fused: true);
        var (composedOut, composedGrads) = Run(fused: false);
        Assert.NotEqual(Ops(fusedOut), Ops(composedOut)); // the composed path did run
        for (int i = 0; i < fusedOut.Length; i++) Approx.Equal(composedOut[i], fusedOut[i], Atol, Rtol, $"output {i}");
        var names = Enumerable.Range(0, inputs.Length).Select(i => $"input {i}").Concat(parameters.Select(p => p.Name)).ToArray();
        for (int i = 0; i < fusedGrads.Length; i++) Approx.Equal(composedGrads[i], fusedGrads[i], Atol, Rtol, $"gradient of {names[i]}");
    }

    /// <summary>The names of the backward rules in the graphs behind <paramref name="outputs"/>.</summary>
    private static SortedSet<string> Ops(Tensor[] outputs)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<Tensor>(ReferenceEqualityComparer.Instance);
        var stack = new Stack<Tensor>(outputs);
        while (stack.Count > 0)
            if (stack.Pop() is { GradFn: { } fn } t && seen.Add(t))
            {
                names.Add(fn.Name);
                foreach (var input in fn.Inputs) stack.Push(input);
            }
        return names;
    }

    public static TheoryData<bool, bool, bool, bool, bool> AttentionPaths()
    {
        var data = new TheoryData<bool, bool, bool, bool, bool>();
        // self (packed projection), batchFirst, padding mask, additive mask, weights
        foreach (bool self in new[] { true, false })
            foreach (bool batchFirst in new[] { true, false })
            {
                data.Add(self, batchFirst, false, false, false);
                data.Add(self, batchFirst, true, true, true);
            }
        data.Add(true, true, true, false, true);
        data.Add(false, true, false, true, false);
        return data;
    }

    [Theory, MemberData(nameof(AttentionPaths))]
    public void Multihead_attention_matches_its_composition(bool self, bool batchFirst, bool padding, bool additive, bool weights)
    {
        const int b = 2, t = 3, s = 4, e = 8, heads = 2;
        var mha = new MultiheadAttention(e, heads, new Generator(5), batchFirst: batchFirst);
        int keys = self ? t : s;
        var mask = padding ? Tensor.FromArray([.. Enumerable.Repeat(1f, keys), .. Enumerable.Repeat(1f, keys - 2), 0f, 0f], b, keys) : null;
        var attnMask = additive ? GradCheck.Uniform(6, -1f, 1f, t, keys) : null;
        int[] Shape(int length) => batchFirst ? [b, length, e] : [length, b, e];
        Tensor[] inputs = self ? [GradCheck.Randn(1, Shape(t))] : [GradCheck.Randn(1, Shape(t)), GradCheck.Randn(2, Shape(s)), GradCheck.Randn(3, Shape(s))];
        Same(x =>
        {
            var (output, w) = self
                ? mha.Forward(x[0], x[0], x[0], mask, needWeights: weights, attnMask: attnMask)
                : mha.Forward(x[0], x[1], x[2], mask, needWeights: weights, attnMask: attnMask);
            return weights ? [output, w!] : [output];
        }, inputs, [.. mha.NamedParameters()]);
    }

    [Fact]
    public void Multihead_attention_with_dropout_in_training_draws_the_same_masks()
    {
        MultiheadAttention Build() => new(8, 2, new Generator(5), dropout: 0.3f, batchFirst: true);
        var (fused, composed) = (Build(), Build());
        var x = GradCheck.Randn(1, 2, 5, 8);
        var (xf, xc) = (x.Detach().Clone().RequireGrad(), x.Detach().Clone().RequireGrad());
        var (of, wf) = fused.Forward(xf, xf, xf, averageAttnWeights: false);
        Tensor oc, wc;
        using (FusedOps.Disable())
        {
            var (output, weights) = composed.Forward(xc, xc, xc, averageAttnWeights: false);
            (oc, wc) = (output, weights!);
        }
        Assert.Contains(0f, wf!.ToArray()); // some weights were dropped
        Approx.Equal(wc, wf, Atol, Rtol, "dropped weights");
        Approx.Equal(oc, of, Atol, Rtol, "output");
        of.Sum().Backward();
        oc.Sum().Backward();
        Approx.Equal(xc.Grad!, xf.Grad!, Atol, Rtol, "gradient of the input");
        foreach (var ((name, pf), pc) in fused.NamedParameters().Zip(composed.Parameters()))
            Approx.Equal(pc.Grad!, pf.Grad!, Atol, Rtol, $"gradient of {name}");
    }

    [Theory]
    [InlineData(Reduction.None)]
    [InlineData(Reduction.Mean)]
    [InlineData(Reduction.Sum)]
    public void L1_and_mse_losses_match_their_compositions(Reduction reduction)
    {
        Tensor[] inputs = [GradCheck.Randn(1, 4, 5), GradCheck.Randn(2, 4, 5)];
        Same(x => [Functional.L1Loss(x[0], x[1], reduction)], inputs);
        Same(x => [Functional.MseLoss(x[0], x[1], reduction)], inputs);
    }

    [Theory]
    [InlineData(Reduction.None, false, false)]
    [InlineData(Reduction.Mean, false, false)]
    [InlineData(Reduction.Sum, false, false)]
    [InlineData(Reduction.Mean, true, false)]
    [InlineData(Reduction.Mean, false, true)]
    [InlineData(Reduction.None, true, true)]
    public void Bce_with_logits_matches_its_composition(Reduction reduction, bool weighted, bool posWeighted)
    {
        var weight = weighted ? GradCheck.Uniform(3, 0.5f, 2f, 1, 5) : null;
        var posWeight = posWeighted ? GradCheck.Uniform(4, 0.5f, 3f, 5) : null;
        // Logits from −8 to 8 (both branches of the stable form) and soft targets in [0, 1].
        Tensor[] inputs = [GradCheck.Uniform(1, -8f, 8f, 4, 5), GradCheck.Uniform(2, 0f, 1f, 4, 5)];
        Same(x => [Functional.BinaryCrossEntropyWithLogits(x[0], x[1], weight, posWeight, reduction)], inputs);
    }

    [Fact]
    public void Layer_norm_module_matches_its_composition()
    {
        var norm = new LayerNorm([3, 4]);
        using (Lib.Tensors.Autograd.GradMode.NoGrad())
        {
            norm.Weight!.AsSpan().Clear();
            GradCheck.Uniform(7, 0.5f, 1.5f, 3, 4).Data.CopyTo(norm.Weight.AsSpan());
        }
        Same(x => [norm.Forward(x[0])], [GradCheck.Randn(1, 2, 3, 4) * 3f], [.. norm.NamedParameters()]);
    }
}
