namespace Lib.Tensors.Tests;

/// <summary>Elementwise comparison of float arrays within |e − a| ≤ atol + rtol·|e| (equal infinities and NaNs match).</summary>
public static class Approx
{
    public static void Equal(float[] expected, float[] actual, float atol = 1e-5f, float rtol = 1e-5f, string what = "")
    {
        Assert.True(expected.Length == actual.Length, $"{what}: expected {expected.Length} elements, got {actual.Length}");
        for (int i = 0; i < expected.Length; i++)
        {
            float e = expected[i], a = actual[i];
            bool ok = e.Equals(a) || Math.Abs(e - a) <= atol + rtol * Math.Abs(e);
            Assert.True(ok, $"{what} element {i}: expected {e:G9}, got {a:G9}");
        }
    }

    public static void Equal(Tensor expected, Tensor actual, float atol = 1e-5f, float rtol = 1e-5f, string what = "")
    {
        Assert.Equal(expected.Shape, actual.Shape);
        Equal(expected.ToArray(), actual.ToArray(), atol, rtol, what);
    }
}
