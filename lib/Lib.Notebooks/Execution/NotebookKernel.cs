using System.Reflection;
using Microsoft.CodeAnalysis.Scripting;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;
using Microsoft.DotNet.Interactive.CSharp;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;
using Microsoft.DotNet.Interactive.PackageManagement;

namespace Lib.Notebooks.Execution;

/// <summary>
/// The kernel a notebook runs on: the Polyglot Notebooks <see cref="CompositeKernel"/> with the C#
/// kernel (kernel helpers <c>display()</c> and <c>HTML()</c>, <c>#r</c> of assemblies and
/// <c>#r "nuget: Name, Version"</c>, <c>#!who</c>, value sharing for <c>#!set</c> and <c>#!share</c>) and
/// the value kernel (<c>#!value</c>), with <c>#!import</c>, <c>#!time</c> and kernel extensions loaded
/// from NuGet packages, as VS Code sets it up.
/// </summary>
internal static class NotebookKernel
{
    private static readonly FieldInfo? ScriptOptionsField = typeof(CSharpKernel).GetField(
        "_scriptOptions",
        BindingFlags.Instance | BindingFlags.NonPublic
    );

    /// <summary>A new kernel whose NuGet restores also use the sources of <paramref name="nugetConfig"/>; the caller
    /// disposes it.</summary>
    /// <exception cref="InvalidDataException">The <c>nuget.config</c> is not readable.</exception>
    public static async Task<CompositeKernel> CreateAsync(string? nugetConfig)
    {
        var sources = nugetConfig is null ? [] : NuGetSources.Read(nugetConfig);
        // A fresh kernel process in VS Code starts with the default formatters: a notebook's registrations end with it.
        Formatter.ResetToDefault();
        var csharp = new CSharpKernel().UseKernelHelpers().UseWho().UseValueSharing();
        csharp.UseNugetDirective(
            (k, references) =>
            {
                k.AddAssemblyReferences(references.SelectMany(r => r.AssemblyPaths));
                return Task.CompletedTask;
            }
        );
        var kernel = new CompositeKernel { csharp, new KeyValueStoreKernel().UseWho() };
        kernel.DefaultKernelName = csharp.Name;
        kernel.UseImportMagicCommand();
        TimeDirective.Add(kernel);
        PackageExtensions.Use(kernel, ChartFormatting.Register);
        ChartFormatting.Register();
        foreach (var source in sources)
        {
            var added = await csharp.SendAsync(new SubmitCode($"#i \"nuget:{source}\""));
            if (added.Events.OfType<CommandFailed>().FirstOrDefault() is { } failed)
            {
                kernel.Dispose();
                throw new InvalidDataException(
                    $"{nugetConfig}: package source '{source}' was refused: {failed.Message}"
                );
            }
        }
        return kernel;
    }

    /// <summary>The C# kernel inside <paramref name="kernel"/>.</summary>
    public static CSharpKernel CSharp(CompositeKernel kernel) => kernel.ChildKernels.OfType<CSharpKernel>().Single();

    /// <summary>
    /// Compiles the next submissions with debug information under <paramref name="path"/>, so a
    /// runtime error's stack frames carry the cell's line (<c>path:line N</c>). Polyglot compiles
    /// without it; the kernel has no option for it, so this sets its private script options, and
    /// does nothing if a later kernel version renames them (errors then name the cell, not the line).
    /// </summary>
    public static void SetSourcePath(CSharpKernel csharp, string path)
    {
        if (ScriptOptionsField?.GetValue(csharp) is ScriptOptions options)
            ScriptOptionsField.SetValue(
                csharp,
                options.WithFilePath(path).WithFileEncoding(System.Text.Encoding.UTF8).WithEmitDebugInformation(true)
            );
    }

    /// <summary>The declared type of a top-level variable of the notebook, or null.</summary>
    public static Type? VariableType(CSharpKernel csharp, string name) =>
        csharp.ScriptState?.Variables.LastOrDefault(v => v.Name == name)?.Type;
}
