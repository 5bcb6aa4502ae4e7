using System.Text.RegularExpressions;

namespace Lib.Notebooks.Execution;

/// <summary>A step of a C# cell: code to submit, or a magic command to carry out.</summary>
/// <param name="Code">For code: the cell's text with every other line blanked, so line numbers stay those of the cell.</param>
/// <param name="Magic">For a magic: its name without <c>#!</c> (<c>import</c>, <c>time</c>).</param>
/// <param name="Argument">The magic's argument (a path for <c>import</c>).</param>
/// <param name="Line">The 1-based line in the cell where the step starts.</param>
internal sealed record CellStep(string? Code, string? Magic, string? Argument, int Line);

/// <summary>
/// Splits a C# cell into code and the magic commands the headless runner honours
/// (<c>#!import</c>, <c>#!time</c>), and refuses what it cannot honour rather than skipping it.
/// </summary>
internal static partial class CellDirectives
{
    private static readonly HashSet<string> Supported = ["import", "time"];

    [GeneratedRegex("""^\s*#(r|i)\s+"\s*nuget\s*:""", RegexOptions.IgnoreCase)]
    private static partial Regex NuGetDirective();

    /// <summary>The steps of <paramref name="source"/>, or an error naming the line and why it cannot run.</summary>
    public static IReadOnlyList<CellStep> Split(string source, out (int Line, string Message)? refusal)
    {
        refusal = null;
        var lines = source.Split('\n');
        var steps = new List<CellStep>();
        int segmentStart = 0;
        for (int i = 0; i <= lines.Length; i++)
        {
            bool end = i == lines.Length;
            string line = end ? "" : lines[i];
            if (!end && NuGetDirective().IsMatch(line))
            {
                refusal = (i + 1, $"'{line.Trim()}' needs a NuGet package at run time, which the headless runner cannot restore. " +
                                  "Add the package to lib/Lib (Directory.Packages.props) and use it through the library instead.");
                return [];
            }
            if (!end && !line.TrimStart().StartsWith("#!", StringComparison.Ordinal)) continue;

            AddCode(steps, lines, segmentStart, i);
            segmentStart = i + 1;
            if (end) break;

            var text = line.Trim()[2..];
            int space = text.IndexOfAny([' ', '\t']);
            var name = space < 0 ? text : text[..space];
            var argument = space < 0 ? "" : text[(space + 1)..].Trim().Trim('"');
            if (!Supported.Contains(name))
            {
                refusal = (i + 1, $"the magic command '#!{name}' is not supported by the headless runner " +
                                  "(it honours #!import and #!time; #!set, #!share and the other kernel magics need the Polyglot host).");
                return [];
            }
            if (name == "import" && argument.Length == 0)
            {
                refusal = (i + 1, "#!import needs the path of a notebook, such as '#!import ../_setup.dib'.");
                return [];
            }
            steps.Add(new CellStep(null, name, argument, i + 1));
        }
        return steps;
    }

    private static void AddCode(List<CellStep> steps, string[] lines, int start, int end)
    {
        if (start >= end || lines[start..end].All(string.IsNullOrWhiteSpace)) return;
        var code = new string[end];
        for (int i = 0; i < end; i++) code[i] = i >= start ? lines[i] : "";
        steps.Add(new CellStep(string.Join('\n', code), null, null, start + 1));
    }
}
