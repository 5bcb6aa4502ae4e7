namespace Lib.Tensors.NN;

/// <summary>PyTorch's <c>torch.nn.functional</c>: stateless layers, activations and losses.</summary>
public static partial class Functional
{
    /// <summary>max(x, 0).</summary>
    public static Tensor Relu(Tensor x) => x.Relu();

    /// <summary>GELU; <paramref name="approximate"/> is "none" (exact) or "tanh".</summary>
    public static Tensor Gelu(Tensor x, string approximate = "none") =>
        approximate switch
        {
            "none" => x.Gelu(),
            "tanh" => x.Gelu(tanhApproximation: true),
            _ => throw new ArgumentException(
                $"GELU approximation must be \"none\" or \"tanh\", got \"{approximate}\".",
                nameof(approximate)
            ),
        };

    /// <summary>The logistic sigmoid.</summary>
    public static Tensor Sigmoid(Tensor x) => x.Sigmoid();

    /// <summary>tanh.</summary>
    public static Tensor Tanh(Tensor x) => x.Tanh();

    /// <summary>Softmax over <paramref name="dim"/>.</summary>
    public static Tensor Softmax(Tensor x, int dim) => x.Softmax(dim);

    /// <summary>Log-softmax over <paramref name="dim"/>.</summary>
    public static Tensor LogSoftmax(Tensor x, int dim) => x.LogSoftmax(dim);

    /// <summary><c>x · weightᵀ + bias</c>.</summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null) => Tensor.Linear(x, weight, bias);
}
