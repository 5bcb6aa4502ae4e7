using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Tests.Optim;

public class OptimizerTests
{
    private static Tensor Param(params float[] values) => Tensor.FromArray(values).RequireGrad();

    private static void SetGrad(Tensor p, params float[] grad) => p.Grad = Tensor.FromArray(grad);

    private static void Near(double[] expected, Tensor actual, double tolerance = 1e-6)
    {
        var a = actual.ToArray();
        Assert.Equal(expected.Length, a.Length);
        for (int i = 0; i < a.Length; i++) Assert.True(Math.Abs(expected[i] - a[i]) <= tolerance, $"element {i}: expected {expected[i]}, got {a[i]}");
    }

    [Fact]
    public void Plain_sgd_steps_against_the_gradient()
    {
        var p = Param(1f, 2f);
        var sgd = new SGD([p], lr: 0.1);
        SetGrad(p, 0.5f, -1f);
        sgd.Step();
        Near([0.95, 2.1], p);
        Assert.Empty(sgd.StateDict());
    }

    [Fact]
    public void Sgd_momentum_starts_from_the_first_gradient_without_dampening()
    {
        var p = Param(1f);
        var sgd = new SGD([p], lr: 0.1, momentum: 0.9, dampening: 0.5);
        SetGrad(p, 1f);
        sgd.Step(); // buf = 1 (no dampening on the first step); p = 1 - 0.1
        Near([0.9], p);
        SetGrad(p, 1f);
        sgd.Step(); // buf = 0.9·1 + 0.5·1 = 1.4; p = 0.9 - 0.14
        Near([0.76], p);
        Near([1.4], sgd.StateDict()["0.0.momentum_buffer"]);
    }

    [Fact]
    public void Sgd_nesterov_with_weight_decay()
    {
        var p = Param(1f);
        var sgd = new SGD([p], lr: 0.1, momentum: 0.9, weightDecay: 0.1, nesterov: true);
        SetGrad(p, 1f);
        sgd.Step(); // d = 1 + 0.1·1 = 1.1, buf = 1.1, update = 1.1 + 0.9·1.1 = 2.09
        Near([1 - 0.209], p);
        SetGrad(p, -1f);
        sgd.Step(); // d = -1 + 0.1·0.791 = -0.9209, buf = 0.99 - 0.9209 = 0.0691, update = d + 0.9·buf
        double d = -1 + 0.1 * 0.791, buf = 0.9 * 1.1 + d;
        Near([0.791 - 0.1 * (d + 0.9 * buf)], p);
        Assert.Throws<ArgumentException>(() => new SGD([Param(1f)], lr: 0.1, nesterov: true));
        Assert.Throws<ArgumentException>(() => new SGD([Param(1f)], lr: 0.1, momentum: 0.9, dampening: 0.1, nesterov: true));
    }

    private static double[] AdamReference(double p0, double[] grads, double lr, double b1, double b2, double eps, double wd, bool decoupled, bool amsgrad = false)
    {
        double p = p0, m = 0, v = 0, vmax = 0;
        var trace = new List<double>();
        for (int t = 1; t <= grads.Length; t++)
        {
            double g = grads[t - 1];
            if (decoupled) p *= 1 - lr * wd;
            else g += wd * p;
            m = b1 * m + (1 - b1) * g;
            v = b2 * v + (1 - b2) * g * g;
            vmax = Math.Max(vmax, v);
            double denom = Math.Sqrt(amsgrad ? vmax : v) / Math.Sqrt(1 - Math.Pow(b2, t)) + eps;
            p -= lr / (1 - Math.Pow(b1, t)) * m / denom;
            trace.Add(p);
        }
        return [.. trace];
    }

    [Theory]
    [InlineData(0.0, false)]
    [InlineData(0.1, false)]
    [InlineData(0.1, true)]
    public void Adam_and_adamw_follow_the_bias_corrected_update(double weightDecay, bool amsgrad)
    {
        double[] grads = [2, -1, 0.5, 0];
        foreach (bool decoupled in new[] { false, true })
        {
            var p = Param(1f);
            Optimizer opt = decoupled
                ? new AdamW([p], lr: 0.01, weightDecay: weightDecay, amsgrad: amsgrad)
                : new Adam([p], lr: 0.01, weightDecay: weightDecay, amsgrad: amsgrad);
            var expected = AdamReference(1, grads, 0.01, 0.9, 0.999, 1e-8, weightDecay, decoupled, amsgrad);
            for (int s = 0; s < grads.Length; s++)
            {
                SetGrad(p, (float)grads[s]);
                opt.Step();
                Near([expected[s]], p);
            }
            Assert.Equal(4f, opt.StateDict()["0.0.step"].Item());
            Assert.Equal(amsgrad, opt.StateDict().ContainsKey("0.0.max_exp_avg_sq"));
        }
    }

    [Fact]
    public void Simd_lanes_and_the_scalar_tail_compute_identically()
    {
        // 37 elements: whole vectors plus a tail; equal inputs must give bit-equal outputs everywhere.
        Optimizer[] Make(Tensor[] ps) =>
        [
            new SGD([ps[0]], lr: 0.1, momentum: 0.9, weightDecay: 0.01, nesterov: true),
            new Adam([ps[1]], lr: 0.01, weightDecay: 0.1, amsgrad: true),
            new AdamW([ps[2]], lr: 0.01, weightDecay: 0.1),
        ];
        var ps = Enumerable.Range(0, 3).Select(_ => Tensor.Full(0.3f, 37).RequireGrad()).ToArray();
        var opts = Make(ps);
        for (int s = 0; s < 4; s++)
            for (int k = 0; k < 3; k++)
            {
                ps[k].Grad = Tensor.Full(s % 2 == 0 ? 0.7f : -0.2f, 37);
                opts[k].Step();
            }
        foreach (var p in ps) Assert.All(p.ToArray(), v => Assert.Equal(p.ToArray()[0], v));
        var one = Param(0.3f);
        var reference = new Adam([one], lr: 0.01, weightDecay: 0.1, amsgrad: true);
        for (int s = 0; s < 4; s++) { SetGrad(one, s % 2 == 0 ? 0.7f : -0.2f); reference.Step(); }
        Assert.Equal(one.Item(), ps[1].ToArray()[0]);
    }

    [Fact]
    public void Adam_first_step_moves_each_element_by_about_lr()
    {
        var p = Param(1f, 1f, 1f);
        var adam = new Adam([p], lr: 0.01);
        SetGrad(p, 1000f, -0.001f, 3f);
        adam.Step();
        Near([0.99, 1.01, 0.99], p, 1e-5);
    }

    [Fact]
    public void Defaults_are_pytorchs_and_written_into_the_groups()
    {
        var adam = new Adam([Param(1f)]);
        var g = adam.ParamGroups[0];
        Assert.Equal(1e-3, g.LearningRate);
        Assert.Equal((0.9, 0.999), g.Betas);
        Assert.Equal(1e-8, g.Eps);
        Assert.Equal(0.0, g.WeightDecay);
        Assert.Null(g.Momentum);
        Assert.Equal(0.01, new AdamW([Param(1f)]).ParamGroups[0].WeightDecay);
        var sgd = new SGD([Param(1f)], lr: 0.5);
        Assert.Equal(0.0, sgd.ParamGroups[0].Momentum);
        Assert.Null(sgd.ParamGroups[0].Betas);
        Assert.Equal(0.5, sgd.LearningRate);
    }

    [Fact]
    public void Param_groups_override_the_defaults()
    {
        var a = Param(1f);
        var b = Param(1f);
        var sgd = new SGD([new ParamGroup([a]), new ParamGroup([b]) { LearningRate = 1, WeightDecay = 0.5 }], lr: 0.1);
        SetGrad(a, 1f);
        SetGrad(b, 1f);
        sgd.Step();
        Near([0.9], a);
        Near([1 - 1 * (1 + 0.5)], b);
        Assert.Equal(0.1, sgd.ParamGroups[0].LearningRate);
        Assert.Equal(0.0, sgd.ParamGroups[0].WeightDecay);
    }

    [Fact]
    public void Parameters_without_a_gradient_are_skipped_and_get_no_state()
    {
        var a = Param(1f);
        var frozen = Param(5f);
        var adam = new Adam([a, frozen], lr: 0.1);
        SetGrad(a, 1f);
        adam.Step();
        Assert.Equal(5f, frozen.Item());
        Assert.Equal(["0.0.step", "0.0.exp_avg", "0.0.exp_avg_sq"], adam.StateDict().Keys);
        adam.ZeroGrad();
        Assert.Null(a.Grad);
    }

    [Fact]
    public void Bad_parameter_lists_are_refused()
    {
        var p = Param(1f);
        Assert.Contains("empty parameter list", Assert.Throws<ArgumentException>(() => new Adam(Array.Empty<Tensor>())).Message);
        Assert.Contains("more than once", Assert.Throws<ArgumentException>(() => new SGD([new ParamGroup([p]), new ParamGroup([p])], lr: 0.1)).Message);
        Assert.Contains("leaf", Assert.Throws<ArgumentException>(() => new SGD([p * 2f], lr: 0.1)).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([Param(1f)], lr: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([Param(1f)], betas: (1.0, 0.999)));
        var sgd = new SGD([p], lr: 0.1);
        p.Grad = Tensor.Zeros(2);
        Assert.Contains("[2]", Assert.Throws<InvalidOperationException>(sgd.Step).Message);
    }

    [Fact]
    public void State_dict_round_trip_continues_identically()
    {
        var gen = new Generator(3);
        var p1 = Tensor.Randn(gen, 3, 2).RequireGrad();
        var p2 = Tensor.Zeros(3, 2).RequireGrad();
        var grads = Enumerable.Range(0, 6).Select(_ => Tensor.Randn(gen, 3, 2)).ToArray();
        var first = new AdamW([p1], lr: 0.05, amsgrad: true);
        for (int s = 0; s < 3; s++) { p1.Grad = grads[s]; first.Step(); }
        p1.Data.CopyTo(p2.AsSpan()); // the model checkpoint's part

        var path = Path.Combine(Path.GetTempPath(), $"lab-optim-{Guid.NewGuid():N}.safetensors");
        try
        {
            Checkpoint.Save(path, first.StateDict());
            var second = new AdamW([p2], lr: 0.05, amsgrad: true);
            second.LoadStateDict(Checkpoint.LoadTensors(path).Tensors);
            for (int s = 3; s < 6; s++)
            {
                p1.Grad = grads[s];
                p2.Grad = grads[s];
                first.Step();
                second.Step();
                Assert.Equal(p1.ToArray(), p2.ToArray());
            }
            Assert.Equal(6f, second.StateDict()["0.0.step"].Item());
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Loading_bad_state_names_the_key_and_changes_nothing()
    {
        var p = Param(1f, 2f);
        var adam = new Adam([p]);
        SetGrad(p, 1f, 1f);
        adam.Step();
        var good = adam.StateDict();

        var wrongShape = new Dictionary<string, Tensor>(good) { ["0.0.exp_avg"] = Tensor.Zeros(3) };
        var e = Assert.Throws<ArgumentException>(() => adam.LoadStateDict(wrongShape));
        Assert.Contains("'0.0.exp_avg'", e.Message);
        Assert.Contains("[3]", e.Message);

        Assert.Contains("'1.0.step'", Assert.Throws<ArgumentException>(() => adam.LoadStateDict(new Dictionary<string, Tensor> { ["1.0.step"] = Tensor.Scalar(1) })).Message);
        Assert.Contains("momentum_buffer", Assert.Throws<ArgumentException>(() => adam.LoadStateDict(new Dictionary<string, Tensor> { ["0.0.momentum_buffer"] = Tensor.Zeros(2) })).Message);
        Assert.Contains("exp_avg_sq", Assert.Throws<ArgumentException>(() => adam.LoadStateDict(new Dictionary<string, Tensor>
        {
            ["0.0.step"] = Tensor.Scalar(1), ["0.0.exp_avg"] = Tensor.Zeros(2),
        })).Message);
        Assert.Contains("group.index.name", Assert.Throws<ArgumentException>(() => adam.LoadStateDict(new Dictionary<string, Tensor> { ["exp_avg"] = Tensor.Zeros(2) })).Message);

        Assert.Equal(good["0.0.exp_avg"].ToArray(), adam.StateDict()["0.0.exp_avg"].ToArray());
        adam.LoadStateDict(new Dictionary<string, Tensor>());
        Assert.Empty(adam.StateDict());
    }

    [Fact]
    public void State_dict_values_are_copies()
    {
        var p = Param(1f);
        var sgd = new SGD([p], lr: 0.1, momentum: 0.9);
        SetGrad(p, 1f);
        sgd.Step();
        var saved = sgd.StateDict();
        sgd.Step();
        Assert.Equal(1f, saved["0.0.momentum_buffer"].Item());
    }

    private sealed class Tiny : Module<IndexTensor, Tensor>
    {
        public Tiny(Generator g)
        {
            Emb = RegisterModule("emb", new Embedding(10, 4, g));
            Proj = RegisterModule("proj", new Linear(4, 4, g));
            Norm = RegisterModule("norm", new LayerNorm(4));
        }

        public Embedding Emb { get; }
        public Linear Proj { get; }
        public LayerNorm Norm { get; }

        public override Tensor Forward(IndexTensor input) => Norm.Call(Proj.Call(Emb.Call(input)));
    }

    [Fact]
    public void Decay_and_no_decay_puts_vectors_aside()
    {
        var model = new Tiny(new Generator(0));
        var groups = ParamGroups.DecayAndNoDecay(model, 0.1);
        Assert.Equal(0.1, groups[0].WeightDecay);
        Assert.Equal(0.0, groups[1].WeightDecay);
        Assert.Equal([model.Emb.Weight, model.Proj.Weight], groups[0].Parameters);
        Assert.Equal([model.Proj.Bias!, model.Norm.Weight!, model.Norm.Bias!], groups[1].Parameters);

        model.Norm.Bias!.RequiresGrad = false;
        var noEmb = ParamGroups.DecayAndNoDecay(model, 0.1, decayEmbeddings: false);
        Assert.Equal([model.Proj.Weight], noEmb[0].Parameters);
        Assert.Equal([model.Emb.Weight, model.Proj.Bias!, model.Norm.Weight!], noEmb[1].Parameters);

        var adamw = new AdamW(groups, lr: 1e-3, weightDecay: 0.5);
        Assert.Equal(0.1, adamw.ParamGroups[0].WeightDecay); // the group's own value wins over the default
    }
}
