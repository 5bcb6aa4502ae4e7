using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Lib.Platform;

/// <summary>
/// Finds the native libraries of OpenCvSharp (<c>OpenCvSharpExtern</c>) and ONNX Runtime (<c>onnxruntime</c>) beside
/// Lib.dll when a script host loads the library with <c>#r</c>: Roslyn scripting's loader gives each assembly a load
/// context of its own, whose native probing looks only in the runtime's folder, so <c>Cv2</c> failed with
/// <c>DllNotFoundException</c> in notebooks although the build copies the files next to Lib.dll. A resolver per
/// managed assembly tries that folder (and <c>runtimes/&lt;rid&gt;/native/</c> under it) first, then the default
/// probing; in the CLI and the tests the default finds them anyway.
/// </summary>
internal static class NativeLibraryBinding
{
    private static readonly (string Assembly, string Library)[] Bindings =
    [
        ("OpenCvSharp", "OpenCvSharpExtern"),
        ("Microsoft.ML.OnnxRuntime", "onnxruntime"),
    ];

#pragma warning disable CA2255 // a library initialiser on purpose: it must run before the first native call
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Register()
    {
        var folder = Path.GetDirectoryName(typeof(NativeLibraryBinding).Assembly.Location);
        if (string.IsNullOrEmpty(folder))
            return;
        foreach (var (assemblyName, library) in Bindings)
        {
            try
            {
                var assembly = Assembly.Load(assemblyName);
                NativeLibrary.SetDllImportResolver(
                    assembly,
                    (name, asm, paths) => name == library ? Load(folder, library, asm, paths) : IntPtr.Zero
                );
            }
            catch (Exception e) when (e is FileNotFoundException or FileLoadException or InvalidOperationException)
            {
                // The assembly is absent (nothing to bind) or already has a resolver (its host chose one).
            }
        }
    }

    private static IntPtr Load(string folder, string library, Assembly assembly, DllImportSearchPath? paths)
    {
        var rid = RuntimeInformation.RuntimeIdentifier;
        foreach (var dir in new[] { folder, Path.Combine(folder, "runtimes", rid, "native") })
            foreach (var file in new[] { $"lib{library}.so", $"lib{library}.dylib", $"{library}.dll" })
            {
                var path = Path.Combine(dir, file);
                if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
                    return handle;
            }
        return NativeLibrary.TryLoad(library, assembly, paths, out var fallback) ? fallback : IntPtr.Zero;
    }
}
