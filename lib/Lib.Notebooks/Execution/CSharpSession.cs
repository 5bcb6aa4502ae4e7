using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Lib.Notebooks.Execution;

/// <summary>The outcome of one C# submission.</summary>
/// <param name="Errors">Compile errors (empty when it compiled).</param>
/// <param name="Exception">The exception it threw, if any.</param>
/// <param name="HasValue">True when the code ends in a non-void expression without a semicolon.</param>
/// <param name="Value">That expression's value.</param>
internal sealed record SubmissionResult(ImmutableArray<Diagnostic> Errors, Exception? Exception, bool HasValue, object? Value);

/// <summary>
/// One C# script state shared by all the cells of a notebook (Roslyn scripting): each submission
/// continues from the previous one, so variables, usings and <c>#r</c> references carry over.
/// </summary>
internal sealed class CSharpSession(NotebookGlobals globals)
{
    /// <summary>The usings every C# cell starts with (Polyglot's, plus System.IO).</summary>
    public static readonly string[] DefaultImports =
        ["System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Text", "System.Threading.Tasks"];

    private static readonly Lazy<ImmutableArray<MetadataReference>> FrameworkReferences = new(LoadFrameworkReferences);
    private ScriptState<object>? _state;

    /// <summary>Compiles and runs <paramref name="code"/>. Relative <c>#r</c> and <c>#load</c> paths resolve against <paramref name="baseDirectory"/>; <paramref name="displayPath"/> names the code in stack traces.</summary>
    public async Task<SubmissionResult> SubmitAsync(string code, string baseDirectory, string displayPath)
    {
        var options = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .AddReferences(typeof(NotebookGlobals).Assembly)
            .WithImports(DefaultImports)
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(ScriptSourceResolver.Default.WithBaseDirectory(baseDirectory))
            .WithFilePath(displayPath)
            .WithEmitDebugInformation(true)
            .WithFileEncoding(Encoding.UTF8)
            .WithOptimizationLevel(OptimizationLevel.Debug)
            .WithAllowUnsafe(true)
            .WithLanguageVersion(LanguageVersion.Latest);

        var script = _state is null
            ? CSharpScript.Create<object>(code, options, typeof(NotebookGlobals))
            : _state.Script.ContinueWith<object>(code, options);

        var diagnostics = script.Compile();
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        if (errors.Length > 0) return new SubmissionResult(errors, null, false, null);

        bool hasValue = EndsInValue(script.GetCompilation());
        var state = _state is null
            ? await script.RunAsync(globals, catchException: _ => true)
            : await script.RunFromAsync(_state, catchException: _ => true);
        _state = state;
        return new SubmissionResult([], state.Exception, hasValue && state.Exception is null, state.ReturnValue);
    }

    /// <summary>The declared type of a script variable, or null when there is none by that name.</summary>
    public Type? VariableType(string name) => _state?.GetVariable(name)?.Type;

    private static bool EndsInValue(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.LastOrDefault();
        if (tree?.GetRoot() is not CompilationUnitSyntax root) return false;
        if (root.Members.LastOrDefault() is not GlobalStatementSyntax { Statement: ExpressionStatementSyntax statement }
            || !statement.SemicolonToken.IsMissing) return false;
        var type = compilation.GetSemanticModel(tree).GetTypeInfo(statement.Expression).Type;
        return type is not null && type.SpecialType != SpecialType.System_Void;
    }

    private static ImmutableArray<MetadataReference> LoadFrameworkReferences()
    {
        // Every managed assembly of the shared framework, as Polyglot's C# kernel offers.
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDir, StringComparison.Ordinal));
        return [.. trusted.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }
}
