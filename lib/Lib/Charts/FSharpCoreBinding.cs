using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace Lib.Charts;

/// <summary>
/// Keeps one FSharp.Core for Plotly.NET and its HTML library when the lab's library is loaded by a script
/// host through <c>#r</c> (Roslyn scripting's assembly loader, which our headless runner uses). That loader
/// gives each assembly its own load context and reuses a loaded strong-named assembly only for the exact
/// version asked for: Plotly.NET asks for FSharp.Core 10.1, Giraffe.ViewEngine (its HTML library) for 5.0, so
/// whichever comes second loads a second copy of the same file, and Plotly.NET then fails with
/// <c>MissingMethodException: … Giraffe.ViewEngine.Attributes.get__id()</c>. Asking through Giraffe first
/// loads FSharp.Core (as 10.1, the file's version), which Plotly.NET's request then finds. Done by reflection
/// so that this code itself does not ask for FSharp.Core first. Nothing happens in the default load context
/// (the CLI, the tests), where the runtime unifies versions itself.
/// </summary>
internal static class FSharpCoreBinding
{
#pragma warning disable CA2255 // a library initialiser on purpose: it must run before the first chart
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void LoadThroughGiraffeFirst()
    {
        var context = AssemblyLoadContext.GetLoadContext(typeof(FSharpCoreBinding).Assembly);
        if (context is null || context == AssemblyLoadContext.Default)
            return;
        try
        {
            var attributes = Type.GetType("Giraffe.ViewEngine.Attributes, Giraffe.ViewEngine", throwOnError: false);
            attributes?.GetProperty("_id", BindingFlags.Public | BindingFlags.Static)?.GetValue(null);
        }
        catch (Exception e) when (e is FileNotFoundException or FileLoadException or TargetInvocationException)
        {
            // Not fatal here: the first chart reports the real problem.
        }
    }
}
