using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Events;

namespace Lib.Notebooks.Execution;

/// <summary>
/// Loads kernel extensions shipped in NuGet packages, as Polyglot Notebooks does: after a command
/// that added a package, every public <see cref="IKernelExtension"/> in the package's
/// <c>interactive-extensions/dotnet/*.dll</c> is created and loaded (Plotly.NET.Interactive registers
/// its chart formatter this way). The host packages served here leave this to the app, so it is ours.
/// </summary>
internal static class PackageExtensions
{
    /// <summary>Watches <paramref name="kernel"/> for added packages; <paramref name="afterLoad"/> runs after each
    /// extension loads.</summary>
    public static void Use(CompositeKernel kernel, Action afterLoad)
    {
        var added = new ConcurrentQueue<string>();
        var seen = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        kernel.KernelEvents.Subscribe(e =>
        {
            if (e is PackageAdded { PackageReference.PackageRoot: { } root } && seen.TryAdd(root, true))
                added.Enqueue(root);
        });
        kernel.AddMiddleware(
            async (command, context, next) =>
            {
                await next(command, context);
                while (added.TryDequeue(out var root))
                {
                    var folder = Path.Combine(root, "interactive-extensions", "dotnet");
                    if (!Directory.Exists(folder))
                        continue;
                    foreach (var dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
                    {
                        foreach (var type in Load(dll).ExportedTypes.Where(IsExtension))
                        {
                            var extension = (IKernelExtension)Activator.CreateInstance(type)!;
                            try
                            {
                                await extension.OnLoadAsync(kernel);
                            }
                            catch (Exception e)
                            {
                                context.Publish(
                                    new ErrorProduced(
                                        $"Failed to load kernel extension {type.Name} from {dll}: {e.Message}",
                                        command
                                    )
                                );
                                continue;
                            }
                            afterLoad();
                            context.Publish(new KernelExtensionLoaded(extension, command));
                        }
                    }
                }
            }
        );
    }

    private static bool IsExtension(Type type) =>
        typeof(IKernelExtension).IsAssignableFrom(type)
        && type is { IsAbstract: false, IsInterface: false }
        && type.GetConstructor(Type.EmptyTypes) is not null;

    /// <summary>The assembly of that name already loaded (the runner may ship it), else the file.</summary>
    private static Assembly Load(string path)
    {
        var name = AssemblyName.GetAssemblyName(path).Name;
        return AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == name)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path);
    }
}
