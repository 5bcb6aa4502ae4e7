using Lib.Tensors.Autograd;
using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.NN;

/// <summary>LSTM/GRU as modules: PyTorch's parameter names and order, initialisation, repr, errors, last-step helpers, dropout and training.</summary>
public class RnnModuleTests
{
    private const float Atol = 1e-5f, Rtol = 1e-4f;

    [Fact]
    public void Parameters_have_pytorchs_names_order_and_shapes()
    {
        var lstm = new LSTM(3, 5, new Generator(0), numLayers: 2, bidirectional: true);
        string[] expected =
        [
            "weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0",
            "weight_ih_l0_reverse", "weight_hh_l0_reverse", "bias_ih_l0_reverse", "bias_hh_l0_reverse",
            "weight_ih_l1", "weight_hh_l1", "bias_ih_l1", "bias_hh_l1",
            "weight_ih_l1_reverse", "weight_hh_l1_reverse", "bias_ih_l1_reverse", "bias_hh_l1_reverse",
        ];
        Assert.Equal(expected, lstm.NamedParameters().Select(p => p.Name));
        Assert.Equal(expected, lstm.StateDict().Keys);
        var sd = lstm.StateDict();
        Assert.Equal([20, 3], sd["weight_ih_l0"].Shape);
        Assert.Equal([20, 5], sd["weight_hh_l0_reverse"].Shape);
        Assert.Equal([20, 10], sd["weight_ih_l1"].Shape);
        Assert.Equal([20], sd["bias_hh_l1_reverse"].Shape);
        Assert.Equal(1080, lstm.NumParameters()); // sum(p.numel() for p in nn.LSTM(3, 5, 2, bidirectional=True).parameters())

        var gru = new GRU(4, 6, new Generator(0), bias: false);
        Assert.Equal(["weight_ih_l0", "weight_hh_l0"], gru.NamedParameters().Select(p => p.Name));
        Assert.Equal([18, 4], gru.StateDict()["weight_ih_l0"].Shape);
        Assert.Equal(18 * 4 + 18 * 6, gru.NumParameters());
    }

    [Fact]
    public void Initialisation_is_uniform_within_one_over_sqrt_hidden_and_repeats_for_a_seed()
    {
        var a = new LSTM(3, 16, new Generator(5), numLayers: 2);
        var b = new LSTM(3, 16, new Generator(5), numLayers: 2);
        var c = new LSTM(3, 16, new Generator(6), numLayers: 2);
        var values = a.Parameters().SelectMany(p => p.ToArray()).ToArray();
        Assert.All(values, v => Assert.InRange(v, -0.25f, 0.25f));
        Assert.True(values.Max() > 0.24f && values.Min() < -0.24f, "the draws should fill the range");
        Assert.Equal(values, b.Parameters().SelectMany(p => p.ToArray()));
        Assert.NotEqual(values, c.Parameters().SelectMany(p => p.ToArray()));
    }

    [Fact]
    public void Repr_matches_pytorch()
    {
        Assert.Equal("LSTM(3, 5, num_layers=2, batch_first=True, bidirectional=True)",
            new LSTM(3, 5, new Generator(0), numLayers: 2, batchFirst: true, bidirectional: true).ToString());
        Assert.Equal("GRU(4, 6, bias=False, dropout=0.25)", new GRU(4, 6, new Generator(0), bias: false, dropout: 0.25f).ToString());
        Assert.Equal("LSTM(1, 2)", new LSTM(1, 2, new Generator(0)).ToString());
    }

    [Fact]
    public void Wrong_shapes_lengths_and_states_are_clear_errors()
    {
        var lstm = new LSTM(3, 4, new Generator(0), numLayers: 2, batchFirst: true);
        var x = Tensor.Zeros(2, 5, 3);
        Assert.Contains("must be 3-D [B, T, input_size=3]", Assert.Throws<ArgumentException>(() => lstm.Forward(Tensor.Zeros(5, 3))).Message);
        Assert.Contains("has 4 features per step but input_size is 3", Assert.Throws<ArgumentException>(() => lstm.Forward(Tensor.Zeros(2, 5, 4))).Message);
        Assert.Contains("lengths[1] = 0; every sequence needs at least one step",
            Assert.Throws<ArgumentException>(() => lstm.Forward(x, IndexTensor.FromArray([5, 0]))).Message);
        Assert.Contains("lengths[0] = 6 exceeds the 5 steps",
            Assert.Throws<ArgumentException>(() => lstm.Forward(x, IndexTensor.FromArray([6, 2]))).Message);
        Assert.Contains("lengths must be 1-D [B=2]", Assert.Throws<ArgumentException>(() => lstm.Forward(x, IndexTensor.FromArray([5, 2, 1]))).Message);
        var good = Tensor.Zeros(2, 2, 4);
        Assert.Contains("initial state C must be [num_layers*num_directions=2, B=2, hidden_size=4], got [1, 2, 4]",
            Assert.Throws<ArgumentException>(() => lstm.Forward(x, null, (good, Tensor.Zeros(1, 2, 4)))).Message);
        var gru = new GRU(3, 4, new Generator(0));
        Assert.Contains("initial state H must be [num_layers*num_directions=1, B=5, hidden_size=4], got [1, 2, 4]",
            Assert.Throws<ArgumentException>(() => gru.Forward(Tensor.Zeros(2, 5, 3), null, Tensor.Zeros(1, 2, 4))).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new LSTM(0, 4, new Generator(0)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GRU(3, 4, new Generator(0), dropout: 1.5f));
        Assert.Throws<ArgumentOutOfRangeException>(() => new GRU(3, 4, new Generator(0), numLayers: 0));
    }

    [Fact]
    public void LastValid_picks_each_sequences_last_step_and_passes_gradients_back()
    {
        var lstm = new LSTM(2, 3, new Generator(1), numLayers: 2);
        var x = GradCheck.Randn(2, 4, 3, 2).RequireGrad(); // [T=4, B=3, 2]
        var lengths = IndexTensor.FromArray([4, 1, 3]);
        var (output, h, _) = lstm.Forward(x, lengths);
        var last = lstm.LastValid(output, lengths);
        Assert.Equal([3, 3], last.Shape);
        // Unidirectional: the output at the last valid step is the last layer's h_n.
        Approx.Equal(lstm.LastLayerHidden(h), last, Atol, Rtol, "last valid output vs h_n");
        Approx.Equal(Tensor.FromArray(h.Data.Slice(3 * 3, 9).ToArray(), 3, 3), last, Atol, Rtol, "h_n of layer 1");
        Assert.Equal(output.Data.Slice((3 * 3 + 0) * 3, 3).ToArray(), lstm.LastValid(output).Data[..3].ToArray());
        GradCheck.Check(v => lstm.LastValid(lstm.Forward(v[0], lengths).Output, lengths), [x]);
    }

    [Fact]
    public void LastLayerHidden_puts_forward_then_reverse_side_by_side()
    {
        var gru = new GRU(2, 3, new Generator(1), numLayers: 2, bidirectional: true, batchFirst: true);
        var x = GradCheck.Randn(3, 2, 4, 2);
        var lengths = IndexTensor.FromArray([2, 4]);
        var (output, h) = gru.Forward(x, lengths);
        var summary = gru.LastLayerHidden(h);
        Assert.Equal([2, 6], summary.Shape);
        for (int b = 0; b < 2; b++)
        {
            // Forward half: the output at the last valid step; reverse half: the output at step 0.
            Assert.Equal(output.Data.Slice((b * 4 + lengths.Data[b] - 1) * 6, 3).ToArray(), summary.Data.Slice(b * 6, 3).ToArray());
            Assert.Equal(output.Data.Slice(b * 4 * 6 + 3, 3).ToArray(), summary.Data.Slice(b * 6 + 3, 3).ToArray());
        }
        Assert.Contains("h_n must be [num_layers*num_directions=4", Assert.Throws<ArgumentException>(() => gru.LastLayerHidden(Tensor.Zeros(2, 2, 3))).Message);
    }

    [Fact]
    public void Dropout_between_layers_is_seeded_and_off_in_eval()
    {
        LSTM Make(float p) => new(2, 4, new Generator(3), numLayers: 2, dropout: p);
        var x = GradCheck.Randn(4, 5, 3, 2);
        var plain = Make(0f).Forward(x).Output.ToArray();
        var a = Make(0.5f).Forward(x).Output.ToArray();
        var b = Make(0.5f).Forward(x).Output.ToArray();
        Assert.Equal(a, b);
        Assert.NotEqual(plain, a);
        var evaluated = Make(0.5f);
        evaluated.Eval();
        Assert.Equal(plain, evaluated.Forward(x).Output.ToArray());
        // With p = 1 the second layer reads zeros: every sequence gets the same output.
        var dropped = Make(1f).Forward(x).Output;
        Assert.Equal(dropped.Data.Slice(0, 4).ToArray(), dropped.Data.Slice(4, 4).ToArray());
    }

    [Fact]
    public void No_graph_is_recorded_under_NoGrad()
    {
        var gru = new GRU(2, 3, new Generator(1));
        using (GradMode.NoGrad())
        {
            var (output, h) = gru.Forward(GradCheck.Randn(1, 3, 2, 2));
            Assert.False(output.RequiresGrad);
            Assert.False(h.RequiresGrad);
        }
    }

    [Fact]
    public void A_two_layer_lstm_learns_the_sum_of_a_ragged_sequence()
    {
        // Targets: the sum of each sequence's valid values; read out from the last layer's h_n.
        const int batch = 16, steps = 5, hidden = 8;
        var gen = new Generator(42);
        var lstm = new LSTM(1, hidden, gen, numLayers: 2, batchFirst: true);
        var headW = Tensor.Uniform(gen, -0.3f, 0.3f, 1, hidden).RequireGrad();
        var headB = Tensor.Zeros(1).RequireGrad();
        var x = Tensor.Uniform(gen, -1f, 1f, batch, steps, 1);
        var lengths = new int[batch];
        var target = new float[batch];
        for (int b = 0; b < batch; b++)
        {
            lengths[b] = 1 + b % steps;
            for (int t = 0; t < lengths[b]; t++) target[b] += x.Data[b * steps + t];
        }
        var y = Tensor.FromArray(target, batch, 1);
        var len = IndexTensor.FromArray(lengths);
        Tensor[] parameters = [.. lstm.Parameters(), headW, headB];

        var optimizer = new Lib.Tensors.Optim.Adam(parameters, lr: 0.02);

        float Step()
        {
            var (_, h, _) = lstm.Forward(x, len);
            var diff = Tensor.Linear(lstm.LastLayerHidden(h), headW, headB) - y;
            var loss = diff.Mul(diff).Mean();
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            return loss.Item();
        }

        float first = Step(), last = first;
        for (int i = 0; i < 150; i++) last = Step();
        Assert.True(last < 0.2f * first, $"loss went from {first} to {last}");
    }
}
