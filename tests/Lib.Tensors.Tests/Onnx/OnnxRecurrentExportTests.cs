using Lib.Tensors.Autograd;
using Lib.Tensors.NN;
using Lib.Tensors.Onnx;

namespace Lib.Tensors.Tests.Onnx;

/// <summary>Exported LSTM and GRU layers (gates reordered to ONNX's, bidirectional, stacked, ragged lengths), run by
/// ONNX Runtime at two batch sizes, match the engine's output and final states within 1e-5.</summary>
public class OnnxRecurrentExportTests
{
    public static TheoryData<int, bool, bool, bool, bool> Configurations =>
        new()
        {
            // layers, bidirectional, batchFirst, bias, lengths
            { 1, false, false, true, false },
            { 1, false, true, false, false },
            { 2, true, true, true, true },
            { 3, false, false, true, true },
            { 2, true, false, true, false },
        };

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Lstm_matches_the_engine(int layers, bool bidirectional, bool batchFirst, bool bias, bool ragged)
    {
        var g = new Generator(20 + layers);
        var lstm = new LSTM(4, 6, g, layers, bias, batchFirst, dropout: 0.2f, bidirectional);
        lstm.Eval();
        var model = OnnxExport.Lstm(lstm, ragged);
        foreach (int batch in new[] { 3, 5 })
        {
            var (x, lengths) = Inputs(g, batch, batchFirst);
            (Tensor Output, Tensor H, Tensor C) expected;
            using (GradMode.NoGrad())
                expected = lstm.Forward(x, ragged ? lengths : null);
            var actual = OnnxRun.Run(model, new Dictionary<string, Tensor> { ["input"] = x }, Ids(ragged, lengths));
            Approx.Equal(expected.Output, actual["output"], what: $"LSTM output, batch {batch}");
            Approx.Equal(expected.H, actual["h_n"], what: $"LSTM h_n, batch {batch}");
            Approx.Equal(expected.C, actual["c_n"], what: $"LSTM c_n, batch {batch}");
        }
    }

    [Theory]
    [MemberData(nameof(Configurations))]
    public void Gru_matches_the_engine(int layers, bool bidirectional, bool batchFirst, bool bias, bool ragged)
    {
        var g = new Generator(40 + layers);
        var gru = new GRU(4, 6, g, layers, bias, batchFirst, dropout: 0.2f, bidirectional);
        gru.Eval();
        var model = OnnxExport.Gru(gru, ragged);
        foreach (int batch in new[] { 3, 5 })
        {
            var (x, lengths) = Inputs(g, batch, batchFirst);
            (Tensor Output, Tensor H) expected;
            using (GradMode.NoGrad())
                expected = gru.Forward(x, ragged ? lengths : null);
            var actual = OnnxRun.Run(model, new Dictionary<string, Tensor> { ["input"] = x }, Ids(ragged, lengths));
            Approx.Equal(expected.Output, actual["output"], what: $"GRU output, batch {batch}");
            Approx.Equal(expected.H, actual["h_n"], what: $"GRU h_n, batch {batch}");
        }
    }

    private const int Steps = 7;

    private static (Tensor X, IndexTensor Lengths) Inputs(Generator g, int batch, bool batchFirst)
    {
        var x = batchFirst ? Tensor.Randn(g, batch, Steps, 4) : Tensor.Randn(g, Steps, batch, 4);
        var lengths = IndexTensor.FromArray(
            [.. Enumerable.Range(0, batch).Select(b => Steps - (b * 3) % Steps)],
            batch
        );
        return (x, lengths);
    }

    private static Dictionary<string, IndexTensor>? Ids(bool ragged, IndexTensor lengths) =>
        ragged ? new() { ["lengths"] = lengths } : null;
}
