using TorchSharp;
using IndexTensor = Lib.Tensors.IndexTensor;

namespace Lib.Torch;

/// <summary>Engine index tensors and int arrays as TorchSharp int64 tensors (what <c>index_select</c>,
/// <c>index_add</c> and <c>nn.Embedding</c> take).</summary>
public static class TorchIndex
{
    /// <summary><paramref name="index"/> as a new int64 tensor of the same shape on <paramref name="device"/>
    /// (the CPU when null).</summary>
    public static torch.Tensor ToTorch(IndexTensor index, torch.Device? device = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        return ToTorch(index.Data, [.. index.Shape], device);
    }

    /// <summary><paramref name="values"/> as a new int64 tensor of <paramref name="shape"/> (one dimension of the
    /// values' length when empty) on <paramref name="device"/>.</summary>
    public static torch.Tensor ToTorch(ReadOnlySpan<int> values, int[]? shape = null, torch.Device? device = null)
    {
        var wide = new long[values.Length];
        for (int i = 0; i < wide.Length; i++)
            wide[i] = values[i];
        long[] dims = shape is { Length: > 0 } ? [.. shape.Select(d => (long)d)] : [wide.Length];
        var cpu = torch.tensor(wide, dims, torch.int64);
        if (device is null || device.type == DeviceType.CPU)
            return cpu;
        using (cpu)
            return cpu.to(device);
    }
}
