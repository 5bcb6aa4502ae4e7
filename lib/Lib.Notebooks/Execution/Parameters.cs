using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lib.Notebooks.Execution;

/// <summary>A variable declared in a notebook's parameters cell.</summary>
/// <param name="Name">The variable.</param>
/// <param name="SmokeValue">The C# expression after <c>// smoke:</c> on its line, used by <c>--smoke</c>.</param>
internal sealed record ParameterDeclaration(string Name, string? SmokeValue);

/// <summary>
/// Papermill-style parameters: a C# cell whose first line is <c>// parameters</c> declares defaults;
/// <c>--param name=value</c> (converted to the declared type) and <c>--smoke</c> (each line's
/// <c>// smoke: expression</c>) override them in a cell injected right after it.
/// </summary>
internal static partial class Parameters
{
    [GeneratedRegex(@"//\s*smoke\s*:\s*(?<value>.+?)\s*$")]
    private static partial Regex SmokeComment();

    /// <summary>True when the cell's first line is <c>// parameters</c>.</summary>
    public static bool IsParametersCell(string source) =>
        source.Split('\n')[0].Trim().Equals("// parameters", StringComparison.OrdinalIgnoreCase);

    /// <summary>The variables the parameters cell declares, in order.</summary>
    public static IReadOnlyList<ParameterDeclaration> Declarations(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(source, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script));
        var result = new List<ParameterDeclaration>();
        foreach (var member in tree.GetCompilationUnitRoot().Members)
        {
            VariableDeclarationSyntax? declaration = member switch
            {
                GlobalStatementSyntax { Statement: LocalDeclarationStatementSyntax local } => local.Declaration,
                FieldDeclarationSyntax field => field.Declaration,
                _ => null,
            };
            if (declaration is null)
                continue;
            var smoke = member
                .GetTrailingTrivia()
                .Where(t => t.IsKind(SyntaxKind.SingleLineCommentTrivia))
                .Select(t => SmokeComment().Match(t.ToString()))
                .FirstOrDefault(m => m.Success)
                ?.Groups["value"]
                .Value;
            foreach (var variable in declaration.Variables)
                result.Add(new ParameterDeclaration(variable.Identifier.Text, smoke));
        }
        return result;
    }

    /// <summary>
    /// The code of the injected cell (null when nothing is overridden). <paramref name="variableType"/>
    /// gives each parameter's declared type, after the parameters cell ran.
    /// </summary>
    public static string? InjectedCode(
        IReadOnlyList<ParameterDeclaration> declarations,
        IReadOnlyDictionary<string, string> overrides,
        bool smoke,
        Func<string, Type?> variableType,
        List<string> warnings
    )
    {
        var sb = new StringBuilder();
        var declared = declarations.ToDictionary(d => d.Name);
        foreach (var (name, value) in overrides)
        {
            if (!declared.ContainsKey(name))
            {
                warnings.Add(
                    $"--param {name}: this notebook's parameters cell declares no '{name}' "
                        + $"(it has: {(declared.Count == 0 ? "none" : string.Join(", ", declared.Keys))}); ignored."
                );
                continue;
            }
            var type = variableType(name)
                ?? throw new ParameterException($"--param {name}: the parameters cell did not define '{name}'.");
            sb.Append(name).Append(" = ").Append(Literal(name, value, type)).Append(";\n");
        }
        if (smoke)
        {
            foreach (var d in declarations)
                if (d.SmokeValue is not null && !overrides.ContainsKey(d.Name))
                    sb.Append(d.Name).Append(" = ").Append(d.SmokeValue).Append(";  // smoke\n");
        }
        return sb.Length == 0 ? null : "// injected parameters\n" + sb.ToString().TrimEnd('\n');
    }

    /// <summary>A C# expression of <paramref name="type"/> for the command-line text
    /// <paramref name="value"/>.</summary>
    public static string Literal(string name, string value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        try
        {
            if (target == typeof(string))
                return SymbolDisplay.FormatLiteral(value, quote: true);
            if (target == typeof(bool))
                return bool.Parse(value) ? "true" : "false";
            if (target == typeof(char))
                return SymbolDisplay.FormatLiteral(char.Parse(value), quote: true);
            if (target == typeof(int))
                return int.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)
                    .ToString(CultureInfo.InvariantCulture);
            if (target == typeof(long))
                return long.Parse(value, NumberStyles.Integer, CultureInfo.InvariantCulture)
                        .ToString(CultureInfo.InvariantCulture) + "L";
            if (target == typeof(float))
                return Float(
                    float.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)
                        .ToString("R", CultureInfo.InvariantCulture),
                    "f"
                );
            if (target == typeof(double))
                return Float(
                    double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture)
                        .ToString("R", CultureInfo.InvariantCulture),
                    "d"
                );
            if (target == typeof(decimal))
                return decimal.Parse(value, NumberStyles.Number, CultureInfo.InvariantCulture)
                        .ToString(CultureInfo.InvariantCulture) + "m";
            if (target.IsEnum)
                return $"{TypeName(target)}.{Enum.Parse(target, value, ignoreCase: true)}";
            if (target.IsArray && target.GetArrayRank() == 1)
            {
                var items =
                    value.Length == 0
                        ? []
                        : value.Split(',').Select(v => Literal(name, v.Trim(), target.GetElementType()!));
                return $"new {TypeName(target.GetElementType()!)}[] {{ {string.Join(", ", items)} }}";
            }
            var parse = target.GetMethod(
                "Parse",
                BindingFlags.Public | BindingFlags.Static,
                [typeof(string), typeof(IFormatProvider)]
            );
            if (parse is not null)
            {
                // fail here, with the name, not in the notebook
                parse.Invoke(null, [value, CultureInfo.InvariantCulture]);
                return $"{TypeName(target)}.Parse({SymbolDisplay.FormatLiteral(value, quote: true)}, "
                    + "global::System.Globalization.CultureInfo.InvariantCulture)";
            }
        }
        catch (Exception e)
            when (e is FormatException or OverflowException or ArgumentException or TargetInvocationException)
        {
            throw new ParameterException(
                $"--param {name}={value}: '{value}' is not a valid {TypeName(target, friendly: true)} "
                    + $"('{name}' is declared as {TypeName(target, friendly: true)} in the parameters cell)."
            );
        }
        throw new ParameterException(
            $"--param {name}: parameters of type {TypeName(target, friendly: true)} cannot be set from the "
                + "command line "
                + "(use a string, bool, number, enum, array of those, or a type with Parse(string, IFormatProvider))."
        );
    }

    private static string Float(string text, string suffix) =>
        text switch
        {
            "NaN" or "Infinity" or "-Infinity" => throw new FormatException(),
            _ => text + suffix,
        };

    private static string TypeName(Type type, bool friendly = false) =>
        friendly ? type.Name : "global::" + (type.FullName ?? type.Name).Replace('+', '.');
}

/// <summary>A <c>--param</c> that cannot be applied; the message names it and what was expected.</summary>
public sealed class ParameterException(string message) : Exception(message);
