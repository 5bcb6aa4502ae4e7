namespace Lib.Tensors.NN;

public static partial class Composed
{
    /// <summary>
    /// <see cref="Functional.LayerNorm"/> from primitives: (x − mean) / √(biased variance + eps) over the trailing
    /// <paramref name="normalizedShape"/> dims, times <paramref name="weight"/>, plus <paramref name="bias"/>.
    /// </summary>
    public static Tensor LayerNorm(
        Tensor x,
        int[] normalizedShape,
        Tensor? weight = null,
        Tensor? bias = null,
        float eps = 1e-5f
    )
    {
        Functional.CheckLayerNormShapes(x, normalizedShape, weight, bias);
        var dims = Enumerable.Range(x.Dim - normalizedShape.Length, normalizedShape.Length).ToArray();
        var mean = x.Mean(dims, keepDim: true);
        var centred = x - mean;
        var variance = (centred * centred).Mean(dims, keepDim: true);
        var y = centred / (variance + eps).Sqrt();
        if (weight is not null)
            y = y * weight;
        if (bias is not null)
            y = y + bias;
        return y;
    }
}
