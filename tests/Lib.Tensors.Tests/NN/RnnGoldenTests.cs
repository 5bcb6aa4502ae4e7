using Lib.Tensors.NN;
using Lib.Tensors.Tests.Golden;

namespace Lib.Tensors.Tests.NN;

/// <summary>Every nn.LSTM / nn.GRU fixture: outputs, h_n, c_n, and the gradients of the input, initial state and every parameter.</summary>
public class RnnGoldenTests
{
    /// <summary>Errors accumulate over the time steps and layers.</summary>
    private static readonly Tolerance Recurrent = new(1e-5, 1e-4);

    public static TheoryData<string> LstmCases => new(Fixtures.Cases("mod_lstm_"));
    public static TheoryData<string> GruCases => new(Fixtures.Cases("mod_gru_"));

    [Fact]
    public void Every_recurrent_fixture_is_present()
    {
        Assert.Equal(8, Fixtures.Cases("mod_lstm_").Length);
        Assert.Equal(2, Fixtures.Cases("mod_gru_").Length);
    }

    [Theory, MemberData(nameof(LstmCases))]
    public void Lstm_matches_pytorch(string name) => Check(name, "nn.LSTM");

    [Theory, MemberData(nameof(GruCases))]
    public void Gru_matches_pytorch(string name) => Check(name, "nn.GRU");

    /// <summary>Builds the module from the case's config (PyTorch's defaults for what it omits), loads PyTorch's parameters, and runs the case.</summary>
    private static void Check(string name, string op)
    {
        var f = Fixtures.Load(name);
        Assert.Equal(op, f.Op);
        var c = f.Config;
        int inputSize = c.Int("input_size"), hiddenSize = c.Int("hidden_size"), numLayers = c.Int("num_layers", 1);
        bool bias = c.Bool("bias", true), batchFirst = c.Bool("batch_first", false), bidirectional = c.Bool("bidirectional", false);
        RNNBase module = op == "nn.LSTM"
            ? new LSTM(inputSize, hiddenSize, new Generator(0), numLayers: numLayers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional)
            : new GRU(inputSize, hiddenSize, new Generator(0), numLayers: numLayers, bias: bias, batchFirst: batchFirst, bidirectional: bidirectional);
        f.LoadInto(module);
        var lengths = f.Has("input.lengths") ? f.Index("input.lengths") : null;
        GoldenCheck.Run(f, x => module switch
        {
            LSTM lstm => Outputs(lstm.Forward(x["input"], lengths, x.TryGetValue("h_0", out var h0) ? (h0, x["c_0"]) : null)),
            GRU gru => Outputs(gru.Forward(x["input"], lengths, x.GetValueOrDefault("h_0"))),
            _ => throw new InvalidOperationException(op),
        }, module, Recurrent);
    }

    private static Dictionary<string, Tensor> Outputs((Tensor Output, Tensor H, Tensor C) r) => new() { ["out"] = r.Output, ["h_n"] = r.H, ["c_n"] = r.C };

    private static Dictionary<string, Tensor> Outputs((Tensor Output, Tensor H) r) => new() { ["out"] = r.Output, ["h_n"] = r.H };
}
