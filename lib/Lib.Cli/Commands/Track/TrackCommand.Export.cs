using System.CommandLine;
using Lib.Tensors.Onnx;
using Lib.Track.Model;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab track export --onnx FILE: one gender's saved forecaster as an ONNX file (written atomically); prints its inputs
// and outputs.
internal static partial class TrackCommand
{
    private static Command ExportCommand(CliContext context)
    {
        var onnx = new Option<string>("--onnx")
        {
            Description = "The ONNX file to write (opset 17; dynamic batch, season and mark axes).",
            HelpName = "file.onnx",
            Required = true,
        };
        var model = new Option<string?>("--model", "-m")
        {
            Description = "The model folder (default: artifacts/track/model).",
            HelpName = "dir",
        };
        var gender = new Option<string?>("--gender")
        {
            Description = "men or women, when the folder holds both models.",
        };
        var command = new Command(
            "export",
            "Export one gender's trained forecaster to ONNX; its inputs are the fields of a collated batch of windows."
        )
        {
            onnx,
            model,
            gender,
        };
        command.SetAction(parse =>
        {
            var folder = parse.GetValue(model) ?? Path.Combine(context.Artifacts, "track", "model");
            var file = parse.GetValue(onnx)!;
            var (trained, signature) = HierarchicalLstmOnnx.Save(folder, parse.GetValue(gender), file);
            OnnxSignatureTable.Write(context, signature);
            context.Console.WriteLine(
                $"Wrote {file} (ONNX opset {OnnxGraph.DefaultOpset}), the {TrackModels.Possessive(trained.Gender)} "
                    + $"model of {trained.Inputs.Events.Count} events. The output is the forecast in z-space."
            );
            if (trained.Inputs.Blend is not null || trained.Inputs.Members > 1 || trained.Inputs.Trees is not null)
                context.Console.WriteLine(
                    "It is the network alone"
                        + (trained.Inputs.Members > 1 ? $" (the first of {trained.Inputs.Members} members)" : "")
                        + (trained.Inputs.Blend is not null
                            ? ": apply the family blend in model.json (z = base + weight × (forecast − base))."
                            : ".")
                        + (trained.Inputs.Trees is not null
                            ? $" The boosted trees ({BoostedTrees.FileName}, ML.NET's format) are not in it: lab track "
                                + "predict and evaluate mix them in per family (model.json's inputs.trees)."
                            : "")
                );
            return 0;
        });
        return command;
    }
}
