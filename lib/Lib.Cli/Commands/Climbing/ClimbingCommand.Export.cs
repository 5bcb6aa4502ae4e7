using System.CommandLine;
using Lib.Climbing.Model;
using Lib.Tensors.Onnx;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab climbing export --onnx FILE: the saved grade model as an ONNX file (written atomically); prints its inputs and
// outputs.
internal static partial class ClimbingCommand
{
    private static Command ExportCommand(CliContext context)
    {
        var onnx = new Option<string>("--onnx")
        {
            Description = "The ONNX file to write (opset 17; dynamic batch and sequence axes).",
            HelpName = "file.onnx",
            Required = true,
        };
        var model = new Option<string?>("--model", "-m")
        {
            Description = "A model folder written by 'lab climbing train'. Default: artifacts/climbing/model.",
            HelpName = "dir",
        };
        var command = new Command("export", "Export a trained grade model to ONNX for ONNX Runtime or another host.")
        {
            onnx,
            model,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(model) ?? Path.Combine(context.Artifacts, "climbing", "model");
            var file = parse.GetValue(onnx)!;
            var signature = GradeTransformerOnnx.Save(folder, file);
            OnnxSignatureTable.Write(context, signature);
            context.Console.WriteLine(
                $"Wrote {file} (ONNX opset {OnnxGraph.DefaultOpset}) from {folder}. The output is the standardised "
                    + "difficulty: difficulty = target_mean + target_std × output (model.json's inputs)."
            );
            return 0;
        });
        return command;
    }
}
