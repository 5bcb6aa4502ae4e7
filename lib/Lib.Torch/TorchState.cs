using TorchSharp;
using EngineModule = Lib.Tensors.NN.Module;
using EngineTensor = Lib.Tensors.Tensor;
using TorchModule = TorchSharp.torch.nn.Module;

namespace Lib.Torch;

/// <summary>
/// Moves weights between an engine module and its TorchSharp twin by state-dict key: both sides name their parameters
/// and buffers as PyTorch does, so the same keys and shapes mean the same tensors, and a safetensors checkpoint written
/// by either side loads into the other (<see cref="Lib.Tensors.NN.Checkpoint"/> reads and writes the file; this class
/// only copies values). Every copy is strict: a key on one side only, or a shape that differs, is an error naming it.
/// </summary>
public static class TorchState
{
    /// <summary>Copies the engine module's parameters and buffers into the twin (on whatever device it is).</summary>
    public static void CopyToTorch(EngineModule engine, TorchModule twin) => LoadInto(twin, engine.StateDict());

    /// <summary>Copies the twin's parameters and buffers into the engine module.</summary>
    public static void CopyToEngine(TorchModule twin, EngineModule engine) => engine.LoadStateDict(StateDict(twin));

    /// <summary>The twin's state as engine tensors (copied to the CPU), keyed as the engine keys them.</summary>
    public static Dictionary<string, EngineTensor> StateDict(TorchModule twin)
    {
        var result = new Dictionary<string, EngineTensor>();
        foreach (var (key, value) in twin.state_dict())
            result[key] = ToEngine(value);
        return result;
    }

    /// <summary>Copies <paramref name="state"/> (engine tensors) into the twin's parameters and buffers, in
    /// place.</summary>
    public static void LoadInto(TorchModule twin, IReadOnlyDictionary<string, EngineTensor> state)
    {
        var own = twin.state_dict();
        var missing = own.Keys.Where(k => !state.ContainsKey(k)).ToList();
        var unexpected = state.Keys.Where(k => !own.ContainsKey(k)).ToList();
        if (missing.Count > 0 || unexpected.Count > 0)
            throw new ArgumentException(
                $"State dict does not match the twin {twin.GetType().Name}: "
                    + $"missing keys [{string.Join(", ", missing)}]; unexpected keys [{string.Join(", ", unexpected)}]."
            );
        using var _ = torch.no_grad();
        foreach (var (key, target) in own)
        {
            var source = state[key];
            var shape = target.shape.Select(d => (int)d).ToArray();
            if (!source.Shape.SequenceEqual(shape))
                throw new ArgumentException(
                    $"State dict key '{key}': the engine's shape [{string.Join(", ", source.Shape)}] does not match "
                        + $"the twin's [{string.Join(", ", shape)}]."
                );
            using var values = ToTorch(source);
            target.copy_(values);
        }
    }

    /// <summary>An engine tensor as a new float32 TorchSharp tensor on the CPU.</summary>
    public static torch.Tensor ToTorch(EngineTensor tensor) =>
        torch.tensor(tensor.ToArray(), tensor.Shape.Select(d => (long)d).ToArray(), torch.float32);

    /// <summary>An engine index tensor as a new int64 TorchSharp tensor on <paramref name="device"/> (the CPU when
    /// null).</summary>
    public static torch.Tensor ToTorch(Lib.Tensors.IndexTensor indices, torch.Device? device = null)
    {
        var values = new long[indices.Data.Length];
        for (int i = 0; i < values.Length; i++)
            values[i] = indices.Data[i];
        var cpu = torch.tensor(values, indices.Shape.Select(d => (long)d).ToArray(), torch.int64);
        if (device is null || device.type == DeviceType.CPU)
            return cpu;
        using (cpu)
            return cpu.to(device);
    }

    /// <summary>An engine tensor as a new float32 TorchSharp tensor on <paramref name="device"/>.</summary>
    public static torch.Tensor ToTorch(EngineTensor tensor, torch.Device device)
    {
        var cpu = ToTorch(tensor);
        if (device.type == DeviceType.CPU)
            return cpu;
        using (cpu)
            return cpu.to(device);
    }

    /// <summary>A TorchSharp tensor (any device, any float dtype) as a new engine tensor.</summary>
    public static EngineTensor ToEngine(torch.Tensor tensor)
    {
        using var cpu = tensor.detach().to(torch.float32).cpu().contiguous();
        var shape = cpu.shape.Select(d => (int)d).ToArray();
        return EngineTensor.FromArray(cpu.data<float>().ToArray(), shape);
    }
}
