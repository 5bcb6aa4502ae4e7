using Lib.Tensors.Onnx;
using Spectre.Console;

namespace Lib.Cli.Commands;

/// <summary>The inputs and outputs of an exported ONNX model as a table (every sport's <c>export --onnx</c>).</summary>
internal static class OnnxSignatureTable
{
    public static void Write(CliContext context, OnnxSignature signature)
    {
        var table = new Spectre.Console.Table().AddColumns("", "name", "type", "shape");
        foreach (var (kind, values) in new[] { ("input", signature.Inputs), ("output", signature.Outputs) })
        foreach (var value in values)
            table.AddRow(
                kind,
                Markup.Escape(value.Name),
                value.ElementType,
                Markup.Escape($"[{string.Join(", ", value.Shape)}]")
            );
        context.Console.Write(table);
    }
}
