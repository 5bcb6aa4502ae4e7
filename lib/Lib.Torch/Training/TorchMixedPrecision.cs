using TorchSharp;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch.Training;

/// <summary>
/// Mixed precision by hand (NVIDIA Apex's O2, Lightning's <c>16-mixed</c>/<c>bf16-mixed</c> with master weights),
/// because TorchSharp 0.107.0 has no autocast: the forward and backward passes run on <see cref="Working"/>, a copy of
/// the twin in bfloat16 or float16; <see cref="Master"/> keeps the float32 parameters that the optimizer steps and that
/// checkpoints hold. After backward the working gradients are copied into float32 master gradients
/// (<see cref="GradientsToMasters"/>), and after the step the masters are copied back into the working copy
/// (<see cref="CopyToWorking"/>). Float16 adds a <see cref="TorchLossScaler"/>. Parameters pair by state-dict key.
/// </summary>
public sealed class TorchMixedPrecision
{
    private readonly (torch.Tensor Master, torch.Tensor Working)[] _parameters;
    private readonly (torch.Tensor Master, torch.Tensor Working)[] _buffers;

    /// <summary>Mixed precision <paramref name="precision"/> (<see cref="TorchPrecision.MixedBf16"/> or
    /// <see cref="TorchPrecision.Mixed16"/>) of float32 <paramref name="master"/> and a copy of the same architecture,
    /// <paramref name="working"/>, which is cast here to the working type and given the masters' values; float16 uses
    /// <paramref name="scaler"/>, or a <see cref="TorchLossScaler"/> with PyTorch's defaults.</summary>
    /// <exception cref="ArgumentException">A float32 precision, a master that is not float32, or parameter keys that
    /// differ.</exception>
    public TorchMixedPrecision(
        TorchModule master,
        TorchModule working,
        string precision,
        TorchLossScaler? scaler = null
    )
    {
        Master = master ?? throw new ArgumentNullException(nameof(master));
        Working = working ?? throw new ArgumentNullException(nameof(working));
        if (ReferenceEquals(master, working))
            throw new ArgumentException("The working copy must be a second module, not the master.");
        Precision = precision;
        WorkingType = TorchPrecision.WorkingType(precision)
            ?? throw new ArgumentException("Precision '32' is not mixed precision.", nameof(precision));
        TorchModuleMove.Apply(Working, m => m.to(WorkingType));
        _parameters = Pair(master.named_parameters(), working.named_parameters(), "parameter");
        foreach (var (m, _) in _parameters)
            if (m.dtype != torch.ScalarType.Float32)
                throw new ArgumentException($"Master parameters must be float32; one is {m.dtype}.");
        _buffers = Pair(master.named_buffers(), working.named_buffers(), "buffer");
        Scaler = WorkingType == torch.ScalarType.Float16 ? scaler ?? new TorchLossScaler() : null;
        CopyToWorking();
    }

    private static (torch.Tensor, torch.Tensor)[] Pair<T>(
        IEnumerable<(string name, T tensor)> master,
        IEnumerable<(string name, T tensor)> working,
        string what
    )
        where T : torch.Tensor
    {
        var copies = working.ToDictionary(p => p.name, p => (torch.Tensor)p.tensor);
        var pairs = master
            .Select(p =>
                copies.TryGetValue(p.name, out var w)
                    ? ((torch.Tensor)p.tensor, w)
                    : throw new ArgumentException($"The working copy has no {what} '{p.name}'.")
            )
            .ToArray();
        if (pairs.Length != copies.Count)
            throw new ArgumentException($"The working copy has {copies.Count} {what}s; the master {pairs.Length}.");
        return pairs;
    }

    /// <summary>The float32 module the optimizer steps and checkpoints read.</summary>
    public TorchModule Master { get; }

    /// <summary>The bfloat16 or float16 copy the training step runs.</summary>
    public TorchModule Working { get; }

    /// <summary>The canonical precision.</summary>
    public string Precision { get; }

    /// <summary>The working copy's element type.</summary>
    public torch.ScalarType WorkingType { get; }

    /// <summary>The float16 loss scaler, or null for bfloat16.</summary>
    public TorchLossScaler? Scaler { get; }

    /// <summary>Copies the float32 masters and floating buffers into the working copy, rounding to its type (at the
    /// start and whenever the masters are loaded).</summary>
    public void CopyToWorking()
    {
        using var _ = torch.no_grad();
        foreach (var (m, w) in _parameters)
            w.copy_(m);
        foreach (var (m, w) in _buffers)
            if (m.is_floating_point())
                w.copy_(m);
    }

    /// <summary>After an optimizer step: the stepped masters into the working copy, and the working copy's floating
    /// buffers (running statistics its forward passes updated) into the master in float32.</summary>
    public void AfterStep()
    {
        using var _ = torch.no_grad();
        foreach (var (m, w) in _parameters)
            w.copy_(m);
        foreach (var (m, w) in _buffers)
            if (m.is_floating_point())
                m.copy_(w);
    }

    /// <summary>The master parameters' gradients become the working gradients in float32 (a parameter with no working
    /// gradient gets none).</summary>
    public void GradientsToMasters()
    {
        using var scope = torch.NewDisposeScope();
        foreach (var (m, w) in _parameters)
        {
            var g = w.grad;
            m.grad = g is null ? null : g.to(torch.ScalarType.Float32, copy: true);
        }
    }

    /// <summary>Clears the working copy's gradients.</summary>
    public void ZeroWorkingGradients() => Working.zero_grad();
}
