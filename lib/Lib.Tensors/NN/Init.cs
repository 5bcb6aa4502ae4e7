using Lib.Tensors.Autograd;

namespace Lib.Tensors.NN;

/// <summary>
/// Parameter initialisation (PyTorch's <c>torch.nn.init</c>): each method fills a tensor in place,
/// outside the graph, drawing from the explicit <see cref="Generator"/> it is given, and returns the
/// tensor. The formulas are PyTorch's, so a layer's initial distribution matches its PyTorch twin.
/// Layers that draw random numbers take a required <see cref="Generator"/> right after their required
/// PyTorch arguments: <c>new Linear(3, 5, generator, bias: false)</c>, <c>new Dropout(generator, p: 0.1f)</c>.
/// </summary>
public static class Init
{
    /// <summary>
    /// (fan_in, fan_out) of a weight (<c>_calculate_fan_in_and_fan_out</c>): for [out, in, k...],
    /// fan_in = in·Πk and fan_out = out·Πk.
    /// </summary>
    public static (int FanIn, int FanOut) CalculateFanInAndFanOut(Tensor tensor)
    {
        if (tensor.Dim < 2)
            throw new ArgumentException(
                "Fan in and fan out cannot be computed for a tensor with fewer than 2 dimensions (shape "
                    + $"{Tensor.ShapeText(tensor.Shape)}).",
                nameof(tensor)
            );
        int receptive = 1;
        for (int d = 2; d < tensor.Dim; d++)
            receptive *= tensor.Shape[d];
        return (tensor.Shape[1] * receptive, tensor.Shape[0] * receptive);
    }

    /// <summary>
    /// The recommended gain for a nonlinearity (<c>calculate_gain</c>): 1 for "linear", "conv*",
    /// "sigmoid"; 5/3 for "tanh"; √2 for "relu"; √(2 / (1 + slope²)) for "leaky_relu" (slope
    /// <paramref name="param"/>, default 0.01); 3/4 for "selu".
    /// </summary>
    public static double CalculateGain(string nonlinearity, double? param = null) =>
        nonlinearity switch
        {
            "linear"
            or "conv1d"
            or "conv2d"
            or "conv3d"
            or "conv_transpose1d"
            or "conv_transpose2d"
            or "conv_transpose3d"
            or "sigmoid" => 1.0,
            "tanh" => 5.0 / 3,
            "relu" => Math.Sqrt(2.0),
            "leaky_relu" => Math.Sqrt(2.0 / (1 + Math.Pow(param ?? 0.01, 2))),
            "selu" => 3.0 / 4,
            _ => throw new ArgumentException(
                $"Unsupported nonlinearity \"{nonlinearity}\" (expected linear, conv1d..3d, "
                    + "conv_transpose1d..3d, sigmoid, tanh, relu, leaky_relu or selu).",
                nameof(nonlinearity)
            ),
        };

    /// <summary>Fills with U[<paramref name="a"/>, <paramref name="b"/>) (<c>uniform_</c>).</summary>
    public static Tensor Uniform(Tensor tensor, Generator generator, double a = 0, double b = 1)
    {
        if (!(a <= b))
            throw new ArgumentException($"Uniform needs a <= b, got a={a}, b={b}.", nameof(b));
        using var _ = GradMode.NoGrad();
        var data = tensor.AsSpan();
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)(a + (b - a) * generator.NextDouble());
        return tensor;
    }

    /// <summary>Fills with N(<paramref name="mean"/>, <paramref name="std"/>²) (<c>normal_</c>).</summary>
    public static Tensor Normal(Tensor tensor, Generator generator, double mean = 0, double std = 1)
    {
        if (!(std >= 0))
            throw new ArgumentException($"Normal needs std >= 0, got {std}.", nameof(std));
        using var _ = GradMode.NoGrad();
        var data = tensor.AsSpan();
        for (int i = 0; i < data.Length; i++)
            data[i] = (float)(mean + std * generator.NextNormal());
        return tensor;
    }

    /// <summary>Fills with <paramref name="value"/> (<c>constant_</c>).</summary>
    public static Tensor Constant(Tensor tensor, float value)
    {
        tensor.AsSpan().Fill(value);
        return tensor;
    }

    /// <summary>Fills with zeros (<c>zeros_</c>).</summary>
    public static Tensor Zeros(Tensor tensor) => Constant(tensor, 0f);

    /// <summary>Fills with ones (<c>ones_</c>).</summary>
    public static Tensor Ones(Tensor tensor) => Constant(tensor, 1f);

    /// <summary>
    /// He initialisation, uniform (<c>kaiming_uniform_</c>): U(−bound, bound) with
    /// bound = gain · √(3 / fan), gain = <see cref="CalculateGain"/>(<paramref name="nonlinearity"/>,
    /// <paramref name="a"/>).
    /// <c>nn.Linear</c> uses a = √5, which gives bound = 1/√fan_in.
    /// </summary>
    /// <param name="tensor">The weight, at least 2-D.</param>
    /// <param name="generator">The source of randomness.</param>
    /// <param name="a">The negative slope of the leaky ReLU that follows (0 for ReLU).</param>
    /// <param name="mode">"fan_in" (preserves the forward variance) or "fan_out" (the backward one).</param>
    /// <param name="nonlinearity">"leaky_relu" (the default) or "relu"; see <see cref="CalculateGain"/>.</param>
    public static Tensor KaimingUniform(
        Tensor tensor,
        Generator generator,
        double a = 0,
        string mode = "fan_in",
        string nonlinearity = "leaky_relu"
    )
    {
        if (tensor.NumEl == 0)
            return tensor; // PyTorch: initialising a zero-element tensor is a no-op
        double std = CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode));
        double bound = Math.Sqrt(3.0) * std;
        return Uniform(tensor, generator, -bound, bound);
    }

    /// <summary>He initialisation, normal (<c>kaiming_normal_</c>): N(0, (gain / √fan)²).</summary>
    public static Tensor KaimingNormal(
        Tensor tensor,
        Generator generator,
        double a = 0,
        string mode = "fan_in",
        string nonlinearity = "leaky_relu"
    ) =>
        tensor.NumEl == 0
            ? tensor
            : Normal(tensor, generator, 0, CalculateGain(nonlinearity, a) / Math.Sqrt(Fan(tensor, mode)));

    /// <summary>Glorot initialisation, uniform (<c>xavier_uniform_</c>): U(−a, a) with a = gain · √(6 / (fan_in +
    /// fan_out)).</summary>
    public static Tensor XavierUniform(Tensor tensor, Generator generator, double gain = 1)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        if (tensor.NumEl == 0)
            return tensor;
        double bound = Math.Sqrt(3.0) * gain * Math.Sqrt(2.0 / (fanIn + fanOut));
        return Uniform(tensor, generator, -bound, bound);
    }

    /// <summary>Glorot initialisation, normal (<c>xavier_normal_</c>): N(0, gain² · 2 / (fan_in + fan_out)).</summary>
    public static Tensor XavierNormal(Tensor tensor, Generator generator, double gain = 1)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        if (tensor.NumEl == 0)
            return tensor;
        return Normal(tensor, generator, 0, gain * Math.Sqrt(2.0 / (fanIn + fanOut)));
    }

    private static int Fan(Tensor tensor, string mode)
    {
        var (fanIn, fanOut) = CalculateFanInAndFanOut(tensor);
        return mode switch
        {
            "fan_in" => fanIn,
            "fan_out" => fanOut,
            _ => throw new ArgumentException(
                $"Mode \"{mode}\" is not supported; expected \"fan_in\" or \"fan_out\".",
                nameof(mode)
            ),
        };
    }
}
