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

/// <summary>Plain SGD with optional momentum (PyTorch's update), standing in for the real optimizer being written elsewhere.</summary>
internal sealed class TestSgd : Optimizer
{
    private readonly ParamGroup[] _groups;
    private readonly double _momentum;
    private readonly Dictionary<(int, int), float[]> _buffers = [];

    public TestSgd(IEnumerable<Tensor> parameters, double lr, double momentum = 0)
    {
        _groups = [new ParamGroup(parameters) { LearningRate = lr }];
        _momentum = momentum;
    }

    public int Steps { get; private set; }

    public override IReadOnlyList<ParamGroup> ParamGroups => _groups;

    public override void Step()
    {
        Steps++;
        for (int g = 0; g < _groups.Length; g++)
        {
            float lr = (float)_groups[g].LearningRate!.Value;
            for (int i = 0; i < _groups[g].Parameters.Count; i++)
            {
                var p = _groups[g].Parameters[i];
                if (p.Grad is null) continue;
                ReadOnlySpan<float> d = p.Grad.Data;
                if (_momentum > 0)
                {
                    if (!_buffers.TryGetValue((g, i), out var buf)) _buffers[(g, i)] = buf = d.ToArray();
                    else for (int k = 0; k < buf.Length; k++) buf[k] = (float)_momentum * buf[k] + d[k];
                    d = buf;
                }
                var w = p.AsSpan();
                for (int k = 0; k < w.Length; k++) w[k] -= lr * d[k];
            }
        }
    }

    public override Dictionary<string, Tensor> StateDict() =>
        _buffers.ToDictionary(kv => $"{kv.Key.Item1}.{kv.Key.Item2}.momentum_buffer",
            kv => Tensor.FromArray(kv.Value, [.. _groups[kv.Key.Item1].Parameters[kv.Key.Item2].Shape]));

    public override void LoadStateDict(IReadOnlyDictionary<string, Tensor> state)
    {
        _buffers.Clear();
        foreach (var (key, t) in state)
        {
            var parts = key.Split('.');
            _buffers[(int.Parse(parts[0]), int.Parse(parts[1]))] = t.ToArray();
        }
    }
}

/// <summary>lr = base · gamma^(steps / stepSize), like StepLR.</summary>
internal sealed class StepDecay(Optimizer optimizer, int stepSize, double gamma) : LRScheduler
{
    private readonly double _base = optimizer.LearningRate;
    private int _steps;

    public override void Step()
    {
        _steps++;
        foreach (var g in optimizer.ParamGroups) g.LearningRate = _base * Math.Pow(gamma, _steps / stepSize);
    }

    public override IReadOnlyList<double> LastLearningRates => [.. optimizer.ParamGroups.Select(g => g.LearningRate ?? 0)];
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
