using TorchSharp;

namespace Lib.Torch.Training;

/// <summary>
/// A loss term times its weight, with the weight's native <c>Scalar</c> held until the multiplication returns and
/// then freed: an implicit float → <c>Scalar</c> conversion leaves the native value to the finalizer. (A training
/// step once failed in LibTorch's <c>Scalar::toFloat</c> on a Scalar of no known kind, in a test process running
/// other torch tests at once; a finalizer freeing a Scalar still in use is the suspected cause.)
/// </summary>
public static class TorchWeights
{
    /// <summary><paramref name="term"/> · <paramref name="weight"/> (as float32).</summary>
    public static torch.Tensor Times(torch.Tensor term, double weight)
    {
        ArgumentNullException.ThrowIfNull(term);
        using var scalar = ((float)weight).ToScalar();
        return term.mul(scalar);
    }
}
