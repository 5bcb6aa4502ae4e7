using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Lib.Notebooks.Execution;

namespace Lib.Notebooks.Reports;

/// <summary>Writes an executed notebook as Jupyter nbformat 4.5 JSON with the .NET (C#) kernel's metadata, as Polyglot Notebooks does.</summary>
public static class IpynbWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    /// <summary>The notebook as nbformat 4.5 JSON text.</summary>
    public static string ToJson(NotebookRun run)
    {
        var cells = new JsonArray();
        foreach (var cell in run.Cells) cells.Add(Cell(cell));
        var kernelInfo = run.Document.Meta?["kernelInfo"]?.DeepClone() ?? new JsonObject
        {
            ["defaultKernelName"] = "csharp",
            ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
        };
        var notebook = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" },
                ["language_info"] = new JsonObject
                {
                    ["file_extension"] = ".cs",
                    ["mimetype"] = "text/x-csharp",
                    ["name"] = "C#",
                    ["pygments_lexer"] = "csharp",
                    ["version"] = "13.0",
                },
                ["polyglot_notebook"] = new JsonObject { ["kernelInfo"] = kernelInfo },
            },
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return notebook.ToJsonString(Indented) + "\n";
    }

    private static JsonObject Cell(CellRun run)
    {
        var id = CellId(run);
        if (run.Cell.IsMarkdown)
            return new JsonObject { ["cell_type"] = "markdown", ["id"] = id, ["metadata"] = new JsonObject(), ["source"] = Lines(run.Cell.Source) };

        var metadata = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = run.Cell.Kernel } };
        if (run.IsParameters) metadata["tags"] = new JsonArray("parameters");
        if (run.IsInjectedParameters) metadata["tags"] = new JsonArray("injected-parameters");
        var outputs = new JsonArray();
        foreach (var output in run.Outputs) outputs.Add(Output(output, run.ExecutionCount));
        return new JsonObject
        {
            ["cell_type"] = "code",
            ["execution_count"] = run.ExecutionCount,
            ["id"] = id,
            ["metadata"] = metadata,
            ["outputs"] = outputs,
            ["source"] = Lines(run.Cell.Source),
        };
    }

    private static JsonObject Output(CellOutput output, int? executionCount) => output switch
    {
        StreamOutput s => new JsonObject { ["name"] = s.Name, ["output_type"] = "stream", ["text"] = Lines(s.Text.ToString()) },
        DisplayOutput { IsResult: true } d => new JsonObject
        {
            ["data"] = Data(d.Data), ["execution_count"] = executionCount, ["metadata"] = new JsonObject(), ["output_type"] = "execute_result",
        },
        DisplayOutput d => new JsonObject
        {
            ["data"] = Data(d.Data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data",
        },
        ErrorOutput e => new JsonObject
        {
            ["ename"] = e.Name, ["evalue"] = e.Value, ["output_type"] = "error", ["traceback"] = new JsonArray([.. e.Traceback.Select(t => (JsonNode)t)]),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "Unknown output kind."),
    };

    private static JsonObject Data(IReadOnlyDictionary<string, string> data)
    {
        var o = new JsonObject();
        foreach (var (mime, content) in data.OrderBy(kv => kv.Key, StringComparer.Ordinal)) o[mime] = Lines(content);
        return o;
    }

    /// <summary>nbformat's multiline string: a list of lines, each keeping its newline.</summary>
    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        int start = 0;
        while (start < text.Length)
        {
            int nl = text.IndexOf('\n', start);
            int end = nl < 0 ? text.Length : nl + 1;
            array.Add(text[start..end]);
            start = end;
        }
        return array;
    }

    /// <summary>A stable id: position plus a hash of the source (nbformat 4.5 requires unique ids matching [a-zA-Z0-9-_]{1,64}).</summary>
    private static string CellId(CellRun run)
    {
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(run.Cell.Kernel + "\n" + run.Cell.Source)))[..8].ToLowerInvariant();
        return run.IsInjectedParameters ? $"injected-{hash}" : $"cell-{run.Number:D3}-{hash}";
    }
}
