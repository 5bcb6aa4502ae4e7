using System.Text;
using System.Text.Json.Nodes;

namespace Lib.Notebooks.Dib;

/// <summary>A parsed <c>.dib</c> notebook: its <c>#!meta</c> JSON, default kernel and cells.</summary>
/// <param name="Path">Where it was read from (for messages).</param>
/// <param name="Meta">The first <c>#!meta</c> block's JSON object, or null when the file has none.</param>
/// <param name="DefaultKernel">The kernel of code before the first separator (<c>kernelInfo.defaultKernelName</c>, else <c>csharp</c>).</param>
/// <param name="Cells">The non-empty cells in file order.</param>
public sealed record DibDocument(string Path, JsonObject? Meta, string DefaultKernel, IReadOnlyList<DibCell> Cells)
{
    /// <summary>Reads and parses a <c>.dib</c> file.</summary>
    public static DibDocument Load(string path) => DibParser.Parse(File.ReadAllText(path), path);

    /// <summary>Writes the notebook back in the <c>.dib</c> format Polyglot Notebooks saves.</summary>
    public string ToText()
    {
        var sb = new StringBuilder();
        if (Meta is not null) sb.Append("#!meta\n\n").Append(Meta.ToJsonString()).Append("\n\n");
        foreach (var cell in Cells) sb.Append("#!").Append(cell.Kernel).Append("\n\n").Append(cell.Source).Append("\n\n");
        return sb.ToString().TrimEnd('\n') + "\n";
    }
}
