using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Lib.Notebooks.Execution;
using Microsoft.DotNet.Interactive.Documents;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

namespace Lib.Notebooks.Reports;

/// <summary>
/// Writes an executed notebook as Jupyter nbformat 4.5 with the Polyglot document writer
/// (<see cref="Notebook.ToJupyterJson"/>), outputs included, then one fix-up: the writer stores every
/// MIME value as lines of text, but JSON types (<c>application/vnd.plotly.v1+json</c>) must be JSON
/// objects for Jupyter and VS Code to render them, so those are parsed back into objects; a chart's
/// report-only <c>text/html</c> is dropped so viewers draw the figure natively.
/// </summary>
public static partial class IpynbWriter
{
    [GeneratedRegex(@"^application/(.*\+)?json$")]
    private static partial Regex JsonMimeType();

    /// <summary>The notebook as nbformat 4.5 JSON text.</summary>
    public static string ToJson(NotebookRun run)
    {
        var document = new InteractiveDocument();
        if (run.Document.Document.GetKernelInfo() is { } kernelInfo)
        {
            // The writer adds the C# kernel itself (and fails on a second one), so only the others are carried over.
            var others = new KernelInfoCollection();
            foreach (var info in kernelInfo.Where(k => k.Name != "csharp"))
                others.Add(info);
            document.Metadata["polyglot_notebook"] = others;
        }
        foreach (var cell in run.Cells)
            document.Add(Element(cell));
        var json = JsonNode.Parse(document.ToJupyterJson("C#"))!;
        foreach (var output in json["cells"]!.AsArray().SelectMany(c => c!["outputs"]?.AsArray() ?? []))
            if (output?["data"] is JsonObject data)
                FixJsonTypes(data);
        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static InteractiveDocumentElement Element(CellRun run)
    {
        var element = new InteractiveDocumentElement(run.Cell.Source, run.Cell.Kernel)
        {
            Id = CellId(run),
            ExecutionOrder = run.ExecutionCount ?? 0,
            Metadata = new Dictionary<string, object>(),
        };
        if (run.IsParameters)
            element.Metadata["tags"] = new[] { "parameters" };
        if (run.IsInjectedParameters)
            element.Metadata["tags"] = new[] { "injected-parameters" };
        foreach (var output in run.Outputs)
            element.Outputs.Add(Output(output, run.ExecutionCount ?? 0));
        return element;
    }

    private static InteractiveDocumentOutputElement Output(CellOutput output, int executionCount)
    {
        switch (output)
        {
            case StreamOutput s:
                return new TextElement(s.Text.ToString(), s.Name);
            case DisplayOutput { IsResult: true } d:
                var result = new ReturnValueElement { ExecutionOrder = executionCount };
                foreach (var (mime, content) in Sorted(d.Data))
                    result.Data[mime] = content;
                return result;
            case DisplayOutput d:
                return new DisplayElement(Sorted(d.Data).ToDictionary(kv => kv.Key, kv => (object)kv.Value));
            case ErrorOutput e:
                return new ErrorElement(e.Value, e.Name, [.. e.Traceback]);
            default:
                throw new ArgumentOutOfRangeException(nameof(output), output.GetType().Name, "Unknown output kind.");
        }
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(IReadOnlyDictionary<string, string> data) =>
        data.OrderBy(kv => kv.Key, StringComparer.Ordinal);

    private static void FixJsonTypes(JsonObject data)
    {
        foreach (var mime in data.Select(kv => kv.Key).Where(m => JsonMimeType().IsMatch(m)).ToList())
        {
            if (data[mime] is not JsonArray lines)
                continue;
            try
            {
                data[mime] = JsonNode.Parse(string.Concat(lines.Select(l => l!.GetValue<string>())));
            }
            catch (JsonException) { } // a formatter that wrote no JSON: its text stays, as the writer stored it
        }
        if (data.ContainsKey(ChartFormatting.PlotlyMimeType))
            data.Remove("text/html");
    }

    /// <summary>A stable id: position plus a hash of the source (nbformat 4.5 requires unique ids matching
    /// [a-zA-Z0-9-_]{1,64}).</summary>
    private static string CellId(CellRun run)
    {
        var hash = Convert
            .ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(run.Cell.Kernel + "\n" + run.Cell.Source)))[..8]
            .ToLowerInvariant();
        return run.IsInjectedParameters ? $"injected-{hash}" : $"cell-{run.Number:D3}-{hash}";
    }
}
