using Lib.Tensors.Autograd;
using Lib.Tensors.Data;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Tests.Training;

/// <summary>y = x·w + b with one weight tensor and one bias, built from existing ops.</summary>
internal sealed class LinearRegression : Module<Tensor, Tensor>
{
    public LinearRegression(Generator generator, int features)
    {
        Weight = RegisterParameter("weight", Tensor.Randn(generator, features, 1));
        Bias = RegisterParameter("bias", Tensor.Zeros(1));
        BatchesSeen = RegisterBuffer("batches_seen", Tensor.Scalar(0f)); // 0-dim, like num_batches_tracked
    }

    public Tensor BatchesSeen { get; }

    public Tensor Weight { get; }
    public Tensor Bias { get; }

    /// <summary>Training flags seen by Forward, in call order.</summary>
    public List<(bool Training, bool Grad)> Calls { get; } = [];

    public override Tensor Forward(Tensor x)
    {
        Calls.Add((Training, GradMode.IsEnabled));
        if (Training) BatchesSeen.AsSpan()[0]++;
        return x.MatMul(Weight).Add(Bias); // [B, 1]
    }

    public static Tensor Mse(Tensor prediction, Tensor target) => prediction.Sub(target).Pow(2f).Mean();
}

internal static class TinyData
{
    /// <summary>n samples of y = 2·x0 − 3·x1 + 0.5 + small noise: x [n, 2], y [n, 1].</summary>
    public static TensorDataset Make(int n, long seed)
    {
        var g = new Generator(seed);
        var x = Tensor.Randn(g, n, 2);
        var noise = Tensor.Randn(g, n, 1) * 0.01f;
        var y = x.MatMul(Tensor.FromArray([2f, -3f], 2, 1)).Add(Tensor.Scalar(0.5f)).Add(noise);
        return new TensorDataset(x, y);
    }

    public static DataLoader<Tensor[], Tensor[]> Loader(TensorDataset ds, int batchSize, long? shuffleSeed, int prefetch = 2) =>
        new(ds, Collate.StackFields, batchSize, shuffle: shuffleSeed is not null, generator: shuffleSeed is { } s ? new Generator(s) : null, prefetch: prefetch);
}
