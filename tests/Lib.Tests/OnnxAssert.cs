using Lib.Tensors;

namespace Lib.Tests;

/// <summary>Compares an exported sport model's ONNX Runtime output with the engine's.</summary>
internal static class OnnxAssert
{
    /// <summary>Each element of <paramref name="actual"/> (ONNX Runtime's) within 1e-5 (relative above 1) of
    /// <paramref name="expected"/> (the engine's); <paramref name="what"/> names the row in a failure.</summary>
    public static void Close(Tensor expected, Tensor actual, Func<int, string> what)
    {
        Assert.Equal(expected.Shape, actual.Shape);
        for (int i = 0; i < expected.NumEl; i++)
            Assert.True(
                Math.Abs(expected.Data[i] - actual.Data[i]) <= 1e-5f * (1 + Math.Abs(expected.Data[i])),
                $"{what(i)}: engine {expected.Data[i]:G9}, ONNX Runtime {actual.Data[i]:G9}"
            );
    }
}
