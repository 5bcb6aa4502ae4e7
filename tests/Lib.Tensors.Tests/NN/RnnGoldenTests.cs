using Lib.Tensors.NN;
using Lib.Tensors.Tests.Golden;

namespace Lib.Tensors.Tests.NN;

/// <summary>Every nn.LSTM / nn.GRU fixture: outputs, h_n, c_n, and the gradients of the input, initial state and every parameter.</summary>
public class RnnGoldenTests
{
    public static TheoryData<string> LstmCases => new(RnnFixtures.Cases("mod_lstm_"));
    public static TheoryData<string> GruCases => new(RnnFixtures.Cases("mod_gru_"));

    [Fact]
    public void Every_recurrent_fixture_is_present()
    {
        Assert.Equal(8, RnnFixtures.Cases("mod_lstm_").Length);
        Assert.Equal(2, RnnFixtures.Cases("mod_gru_").Length);
    }

    [Theory, MemberData(nameof(LstmCases))]
    public void Lstm_matches_pytorch(string name)
    {
        var fx = RnnFixtures.Load(name);
        Assert.Equal("nn.LSTM", fx.Op);
        var lstm = new LSTM(fx.Int("input_size", 0), fx.Int("hidden_size", 0), new Generator(0), numLayers: fx.Int("num_layers", 1),
            bias: fx.Bool("bias", true), batchFirst: fx.Bool("batch_first", false), bidirectional: fx.Bool("bidirectional", false));
        lstm.LoadStateDict(fx.Params());
        var x = fx["input.input"].RequireGrad();
        Tensor? h0 = fx.Floats.GetValueOrDefault("input.h_0")?.RequireGrad();
        Tensor? c0 = fx.Floats.GetValueOrDefault("input.c_0")?.RequireGrad();
        var (output, h, c) = lstm.Forward(x, fx.Indices.GetValueOrDefault("input.lengths"), h0 is null ? null : (h0, c0!));

        RnnAssert.Close(fx["output.out"], output, $"{name} out");
        RnnAssert.Close(fx["output.h_n"], h, $"{name} h_n");
        RnnAssert.Close(fx["output.c_n"], c, $"{name} c_n");
        (output.Mul(fx["upstream.out"]).Sum() + h.Mul(fx["upstream.h_n"]).Sum() + c.Mul(fx["upstream.c_n"]).Sum()).Backward();
        CheckGradients(fx, lstm, x, h0, c0);
    }

    [Theory, MemberData(nameof(GruCases))]
    public void Gru_matches_pytorch(string name)
    {
        var fx = RnnFixtures.Load(name);
        Assert.Equal("nn.GRU", fx.Op);
        var gru = new GRU(fx.Int("input_size", 0), fx.Int("hidden_size", 0), new Generator(0), numLayers: fx.Int("num_layers", 1),
            bias: fx.Bool("bias", true), batchFirst: fx.Bool("batch_first", false), bidirectional: fx.Bool("bidirectional", false));
        gru.LoadStateDict(fx.Params());
        var x = fx["input.input"].RequireGrad();
        Tensor? h0 = fx.Floats.GetValueOrDefault("input.h_0")?.RequireGrad();
        var (output, h) = gru.Forward(x, fx.Indices.GetValueOrDefault("input.lengths"), h0);

        RnnAssert.Close(fx["output.out"], output, $"{name} out");
        RnnAssert.Close(fx["output.h_n"], h, $"{name} h_n");
        (output.Mul(fx["upstream.out"]).Sum() + h.Mul(fx["upstream.h_n"]).Sum()).Backward();
        CheckGradients(fx, gru, x, h0, null);
    }

    private static void CheckGradients(RnnFixture fx, RNNBase module, Tensor x, Tensor? h0, Tensor? c0)
    {
        RnnAssert.Close(fx["grad.input.input"], x.Grad!, $"{fx.Name} grad input");
        if (h0 is not null) RnnAssert.Close(fx["grad.input.h_0"], h0.Grad!, $"{fx.Name} grad h_0");
        if (c0 is not null) RnnAssert.Close(fx["grad.input.c_0"], c0.Grad!, $"{fx.Name} grad c_0");
        var names = module.NamedParameters().Select(p => p.Name).ToList();
        Assert.Equal(fx.Params().Keys.Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
        foreach (var (key, p) in module.NamedParameters())
            RnnAssert.Close(fx[$"grad.param.{key}"], p.Grad!, $"{fx.Name} grad {key}");
    }
}

/// <summary>Elementwise closeness with a message naming the tensor and the first bad element.</summary>
internal static class RnnAssert
{
    public static void Close(Tensor expected, Tensor? actual, string what, float atol = 1e-5f, float rtol = 1e-4f)
    {
        Assert.True(actual is not null, $"{what}: no tensor (no gradient reached it?)");
        Assert.True(expected.Shape.SequenceEqual(actual!.Shape), $"{what}: shape [{string.Join(", ", actual.Shape)}], expected [{string.Join(", ", expected.Shape)}]");
        var e = expected.Data;
        var a = actual.Data;
        for (int i = 0; i < e.Length; i++)
            Assert.True(Math.Abs(e[i] - a[i]) <= atol + rtol * Math.Abs(e[i]), $"{what}: element {i} is {a[i]:G7}, expected {e[i]:G7}");
    }
}
