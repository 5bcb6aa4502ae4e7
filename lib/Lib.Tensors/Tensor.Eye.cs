namespace Lib.Tensors;

public sealed partial class Tensor
{
    /// <summary>The <paramref name="n"/>×<paramref name="n"/> identity matrix (<c>torch.eye</c>).</summary>
    public static Tensor Eye(int n)
    {
        if (n < 0)
            throw new ArgumentOutOfRangeException(nameof(n), $"Eye: n must not be negative, got {n}.");
        var data = new float[(long)n * n];
        for (int i = 0; i < n; i++)
            data[(long)i * n + i] = 1f;
        return new Tensor(data, [n, n]);
    }
}
