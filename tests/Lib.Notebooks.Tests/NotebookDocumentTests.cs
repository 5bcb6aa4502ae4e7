using Lib.Notebooks.Documents;

namespace Lib.Notebooks.Tests;

public class NotebookDocumentTests : IDisposable
{
    private readonly TempFolder _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_dib_gives_its_cells_kernels_and_the_file_line_of_each_source()
    {
        var path = _dir.Write("nb.dib", "#!meta\n\n{\"kernelInfo\":{\"defaultKernelName\":\"csharp\",\"items\":[{\"aliases\":[],\"name\":\"csharp\"}]}}\n\n" +
                                        "#!markdown\n\n# Title\n\n#!csharp\n\nvar x = 1;\nx\n\n#!cs\n\nvar y = 2;\n");
        var doc = NotebookDocument.Load(path);
        Assert.Equal(["markdown", "csharp", "csharp"], doc.Cells.Select(c => c.Kernel));
        Assert.Equal("var x = 1;\nx", doc.Cells[1].Source.Trim());
        Assert.Equal([7, 11, 16], doc.Cells.Select(c => c.StartLine));
    }

    [Fact]
    public void An_ipynb_gives_its_cells()
    {
        var path = _dir.Write("nb.ipynb", """
            {"cells":[{"cell_type":"markdown","metadata":{},"source":["# T"]},
                      {"cell_type":"code","execution_count":null,"metadata":{"polyglot_notebook":{"kernelName":"csharp"}},"outputs":[],"source":["1 + 1"]}],
             "metadata":{"kernelspec":{"display_name":".NET (C#)","language":"C#","name":".net-csharp"}},"nbformat":4,"nbformat_minor":5}
            """);
        var doc = NotebookDocument.Load(path);
        Assert.Equal(["markdown", "csharp"], doc.Cells.Select(c => c.Kernel));
        Assert.Equal("1 + 1", doc.Cells[1].Source);
    }

    [Fact]
    public void A_broken_ipynb_is_an_error_naming_the_file()
    {
        var path = _dir.Write("broken.ipynb", "{\"cells\": [");
        var e = Assert.Throws<NotebookFormatException>(() => NotebookDocument.Load(path));
        Assert.Contains("broken.ipynb", e.Message);
        Assert.Contains("not a readable Jupyter notebook", e.Message);
    }
}
