using System.Runtime.InteropServices;
using TorchSharp;

namespace Lib.Torch;

/// <summary>
/// Makes LibTorch's native libraries loadable where no application <c>deps.json</c> says where they are: a notebook
/// kernel that <c>#r</c>s <c>Lib.Torch.dll</c> from <c>lib/Lib.Torch/bin</c>. There TorchSharp would look beside
/// <c>TorchSharp.dll</c> (the natives are under <c>runtimes/&lt;rid&gt;/native/</c>) and then copy unpatched ones from
/// the NuGet cache, which do not load on Debian 12 (see <c>build/TorchSharpCompat.targets</c>). Loading the build
/// output's own <c>libLibTorchSharp.so</c> by path first (its dependencies follow by <c>$ORIGIN</c>) lets TorchSharp's
/// load by name find it. A process whose host already resolved the natives (lab, the tests) loads the same files.
/// </summary>
public static class TorchNative
{
    private static int _done;

    /// <summary>Loads the build output's <c>libLibTorchSharp.so</c> once, when there is one; otherwise does
    /// nothing.</summary>
    public static void Preload()
    {
        if (Interlocked.Exchange(ref _done, 1) == 1 || !OperatingSystem.IsLinux())
            return;
        var folder = Path.GetDirectoryName(typeof(torch).Assembly.Location);
        if (string.IsNullOrEmpty(folder))
            return;
        var rid = RuntimeInformation.OSArchitecture == Architecture.Arm64 ? "linux-arm64" : "linux-x64";
        foreach (var candidate in new[]
        {
            Path.Combine(folder, "libLibTorchSharp.so"),
            Path.Combine(folder, "runtimes", rid, "native", "libLibTorchSharp.so"),
        })
            if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out _))
                return;
    }
}
