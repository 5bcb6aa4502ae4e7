using System.CommandLine;
using Lib.Paragliding.Model;
using Lib.Tensors.Onnx;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab paragliding export --onnx FILE: the saved network as ONNX (written atomically); prints its inputs and outputs.
internal static partial class ParaglidingCommand
{
    private static Command ExportCommand(CliContext context)
    {
        var onnx = new Option<string>("--onnx")
        {
            Description = "The ONNX file to write (opset 17; dynamic batch axis).",
            HelpName = "file.onnx",
            Required = true,
        };
        var model = ModelOption(
            "A model folder written by 'lab paragliding train'. Default: artifacts/paragliding/model."
        );
        var command = new Command(
            "export",
            "Export a trained XC-odds network to ONNX for ONNX Runtime or another host."
        )
        {
            onnx,
            model,
        };
        command.SetAction(parse =>
        {
            var folder = ModelFolder(context, parse, model);
            var file = parse.GetValue(onnx)!;
            var signature = GlideatorNetOnnx.Save(folder, file);
            OnnxSignatureTable.Write(context, signature);
            context.Console.WriteLine(
                $"Wrote {file} (ONNX opset {OnnxGraph.DefaultOpset}) from {folder}. The output is the raw network's "
                    + "probabilities; the calibration (per-threshold temperatures) and the monotone fix-up are in "
                    + "model.json."
            );
            return 0;
        });
        return command;
    }
}
