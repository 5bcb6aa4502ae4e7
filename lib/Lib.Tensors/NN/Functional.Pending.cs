namespace Lib.Tensors.NN;

// API declared ahead of its implementation (being written in parallel); each member moves to its
// own file (Functional.Normalization.cs, Functional.Losses.cs, ...) with tests, and this file disappears.
public static partial class Functional
{
    private static NotImplementedException Pending() => new("Not implemented yet.");

    /// <summary>Layer normalisation over the trailing <paramref name="normalizedShape"/> dims (<c>F.layer_norm</c>).</summary>
    public static Tensor LayerNorm(Tensor x, int[] normalizedShape, Tensor? weight = null, Tensor? bias = null, float eps = 1e-5f) => throw Pending();
    /// <summary>Zeroes elements with probability <paramref name="p"/> and scales the rest by 1/(1-p) when <paramref name="training"/>.</summary>
    public static Tensor Dropout(Tensor x, float p, bool training, Generator generator) => throw Pending();

    /// <summary>Mean absolute error.</summary>
    public static Tensor L1Loss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => throw Pending();
    /// <summary>Mean squared error.</summary>
    public static Tensor MseLoss(Tensor input, Tensor target, Reduction reduction = Reduction.Mean) => throw Pending();
    /// <summary>Huber loss: quadratic within <paramref name="delta"/>, linear outside.</summary>
    public static Tensor HuberLoss(Tensor input, Tensor target, float delta = 1f, Reduction reduction = Reduction.Mean) => throw Pending();
    /// <summary>Smooth L1 loss (Huber divided by <paramref name="beta"/>).</summary>
    public static Tensor SmoothL1Loss(Tensor input, Tensor target, float beta = 1f, Reduction reduction = Reduction.Mean) => throw Pending();
    /// <summary>Binary cross entropy on logits, with optional per-element weight and per-class positive weight.</summary>
    public static Tensor BinaryCrossEntropyWithLogits(Tensor input, Tensor target, Tensor? weight = null, Tensor? posWeight = null, Reduction reduction = Reduction.Mean) => throw Pending();
    /// <summary>Cross entropy of logits [N, C] (or [N, C, d...]) against class indices, with ignore index and label smoothing.</summary>
    public static Tensor CrossEntropy(Tensor input, IndexTensor target, Tensor? weight = null, int ignoreIndex = -100, float labelSmoothing = 0f, Reduction reduction = Reduction.Mean) => throw Pending();
    /// <summary>Gaussian negative log-likelihood with predicted variance.</summary>
    public static Tensor GaussianNllLoss(Tensor input, Tensor target, Tensor variance, bool full = false, float eps = 1e-6f, Reduction reduction = Reduction.Mean) => throw Pending();
    /// <summary>Negative log-likelihood of <paramref name="target"/> [N, D] under a diagonal Gaussian mixture: logits [N, K], mu and logSigma [N, K, D].</summary>
    public static Tensor MixtureGaussianNll(Tensor logits, Tensor mu, Tensor logSigma, Tensor target, Reduction reduction = Reduction.Mean) => throw Pending();
}
