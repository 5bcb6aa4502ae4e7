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
    public void Lstm_matches_pytorch(string name)
    {
        var f = Fixtures.Load(name);
        Assert.Equal("nn.LSTM", f.Op);
        var c = f.Config;
        var lstm = f.LoadInto(new LSTM(c.Int("input_size"), c.Int("hidden_size"), new Generator(0), numLayers: c.Int("num_layers", 1),
            bias: c.Bool("bias", true), batchFirst: c.Bool("batch_first", false), bidirectional: c.Bool("bidirectional", false)));
        GoldenCheck.Run(f, x =>
        {
            var state = x.TryGetValue("h_0", out var h0) ? (h0, x["c_0"]) : ((Tensor, Tensor)?)null;
            var (output, h, cn) = lstm.Forward(x["input"], Lengths(f), state);
            return new() { ["out"] = output, ["h_n"] = h, ["c_n"] = cn };
        }, lstm, Recurrent);
    }

    [Theory, MemberData(nameof(GruCases))]
    public void Gru_matches_pytorch(string name)
    {
        var f = Fixtures.Load(name);
        Assert.Equal("nn.GRU", f.Op);
        var c = f.Config;
        var gru = f.LoadInto(new GRU(c.Int("input_size"), c.Int("hidden_size"), new Generator(0), numLayers: c.Int("num_layers", 1),
            bias: c.Bool("bias", true), batchFirst: c.Bool("batch_first", false), bidirectional: c.Bool("bidirectional", false)));
        GoldenCheck.Run(f, x =>
        {
            var (output, h) = gru.Forward(x["input"], Lengths(f), x.GetValueOrDefault("h_0"));
            return new() { ["out"] = output, ["h_n"] = h };
        }, gru, Recurrent);
    }

    /// <summary>The ragged lengths of a packed case (<c>pack_padded_sequence</c>), else none.</summary>
    private static IndexTensor? Lengths(Fixture f) => f.Has("input.lengths") ? f.Index("input.lengths") : null;
}
