namespace Lib.Tensors.Tests.Golden;

/// <summary>How close a value must be to PyTorch's: |expected − actual| ≤ Atol + Rtol·|expected| (equal values, infinities included, always match; NaN never does).</summary>
public readonly record struct Tolerance(double Atol, double Rtol)
{
    /// <summary>atol 1e-6, rtol 1e-5: float32 arithmetic done in a different order.</summary>
    public static Tolerance Default { get; } = new(1e-6, 1e-5);

    /// <summary>Bit-for-bit (copies, selections).</summary>
    public static Tolerance Exact { get; } = new(0, 0);

    /// <summary>The largest accepted |expected − actual| for <paramref name="expected"/>.</summary>
    public double Bound(double expected) => Atol + Rtol * Math.Abs(expected);

    /// <summary>Whether <paramref name="actual"/> is close enough to <paramref name="expected"/>.</summary>
    public bool Accepts(double expected, double actual) => expected == actual || Math.Abs(expected - actual) <= Bound(expected);

    public override string ToString() => $"atol {Atol:G3} + rtol {Rtol:G3}·|expected|";
}
