using System.CommandLine;
using Lib.Football.Model;
using Lib.Tensors.Onnx;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab football export --onnx FILE: the saved graph network (graph aggregation included) as an ONNX file.
internal static partial class FootballCommand
{
    private static Command ExportCommand(CliContext context)
    {
        var onnx = new Option<string>("--onnx")
        {
            Description = "The ONNX file to write (opset 17; dynamic node, edge and scene counts).",
            HelpName = "file.onnx",
            Required = true,
        };
        var model = ModelOption();
        var command = new Command("export", "Export a trained football model to ONNX for ONNX Runtime or another host.")
        {
            onnx,
            model,
        };
        command.SetAction(parse =>
        {
            var folder = ModelFolder(context, parse, model);
            var file = parse.GetValue(onnx)!;
            var signature = TrajectoryGnnOnnx.Save(folder, file);
            OnnxSignatureTable.Write(context, signature);
            context.Console.WriteLine(
                $"Wrote {file} (ONNX opset {OnnxGraph.DefaultOpset}) from {folder}. Outputs are yards from each "
                    + "node's last observed position, in the normalised frame (the offence attacking +x)."
            );
            return 0;
        });
        return command;
    }

    private static Option<string?> ModelOption() =>
        new("--model", "-m")
        {
            Description = "A model folder written by 'lab football train'. Default: artifacts/football/model.",
            HelpName = "dir",
        };

    private static string ModelFolder(CliContext context, ParseResult parse, Option<string?> option) =>
        parse.GetValue(option) ?? Path.Combine(context.Artifacts, "football", "model");
}
