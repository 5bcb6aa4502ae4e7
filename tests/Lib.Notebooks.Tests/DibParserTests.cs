using Lib.Notebooks.Dib;

namespace Lib.Notebooks.Tests;

public class DibParserTests
{
    [Fact]
    public void Reads_meta_json_spread_over_several_lines_and_its_default_kernel()
    {
        var doc = DibParser.Parse("""
            #!meta

            {"kernelInfo":{
              "defaultKernelName":"csharp",
              "items":[{"aliases":[],"name":"csharp"}]}}

            #!csharp

            var x = 1;
            """);
        Assert.NotNull(doc.Meta);
        Assert.Equal("csharp", doc.DefaultKernel);
        var cell = Assert.Single(doc.Cells);
        Assert.Equal(("csharp", "var x = 1;"), (cell.Kernel, cell.Source));
    }

    [Theory]
    [InlineData("#!csharp")]
    [InlineData("#!cs")]
    [InlineData("#!C#")]
    [InlineData("#!c#")]
    public void CSharp_aliases_start_csharp_cells(string separator)
    {
        var doc = DibParser.Parse($"{separator}\n\nConsole.WriteLine(1);\n\n#!md\n\n# Title\n");
        Assert.Equal(["csharp", "markdown"], doc.Cells.Select(c => c.Kernel));
    }

    [Fact]
    public void Kernels_named_in_meta_and_their_aliases_are_separators()
    {
        var doc = DibParser.Parse("""
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"name":"csharp"},{"name":"sql-db","aliases":["db"]}]}}

            #!db

            select 1

            #!sql-db

            select 2
            """);
        Assert.Equal(["sql-db", "sql-db"], doc.Cells.Select(c => c.Kernel));
    }

    [Fact]
    public void Magic_command_lines_stay_inside_their_cell()
    {
        var doc = DibParser.Parse("#!csharp\n\n#!import ../_setup.dib\n#!time\nvar y = 2;\n\n#!markdown\n\ntext");
        Assert.Equal(2, doc.Cells.Count);
        Assert.Equal("#!import ../_setup.dib\n#!time\nvar y = 2;", doc.Cells[0].Source);
    }

    [Fact]
    public void A_line_is_a_separator_only_when_it_is_exactly_a_kernel_name()
    {
        var doc = DibParser.Parse("#!csharp\nvar s = \"x\"; #!csharp\n  #!markdown\n#!csharpx\n");
        var cell = Assert.Single(doc.Cells);
        Assert.Equal(["var s = \"x\"; #!csharp", "  #!markdown", "#!csharpx"], cell.Lines);
    }

    [Fact]
    public void Code_before_the_first_separator_belongs_to_the_default_kernel()
    {
        var doc = DibParser.Parse("var a = 1;\n\n#!markdown\n\nhello");
        Assert.Equal(["csharp", "markdown"], doc.Cells.Select(c => c.Kernel));

        var fsharpDefault = DibParser.Parse("""
            let a = 1

            #!meta

            {"kernelInfo":{"defaultKernelName":"fsharp","items":[{"name":"fsharp"}]}}
            """);
        Assert.Equal("fsharp", Assert.Single(fsharpDefault.Cells).Kernel);
    }

    [Fact]
    public void Crlf_and_lf_files_parse_alike_and_record_cell_start_lines()
    {
        const string text = "#!markdown\n\n# A\n\n#!csharp\n\nvar a = 1;\nvar b = 2;\n";
        var lf = DibParser.Parse(text);
        var crlf = DibParser.Parse(text.Replace("\n", "\r\n"));
        Assert.Equal(lf.Cells, crlf.Cells);
        Assert.Equal([3, 7], lf.Cells.Select(c => c.StartLine));
        Assert.DoesNotContain('\r', crlf.Cells[1].Source);
    }

    [Fact]
    public void Empty_cells_are_dropped()
    {
        var doc = DibParser.Parse("#!csharp\n\n   \n\n#!markdown\n\n\n#!csharp\n\nvar a = 1;\n");
        Assert.Equal("var a = 1;", Assert.Single(doc.Cells).Source);
    }

    [Fact]
    public void Invalid_meta_json_names_the_file_and_line()
    {
        var e = Assert.Throws<DibFormatException>(() => DibParser.Parse("#!meta\n\n{\"kernelInfo\": \n\n#!csharp\n\nvar a = 1;", "nb.dib"));
        Assert.StartsWith("nb.dib:", e.Message);
        Assert.Contains("#!meta is not valid JSON", e.Message);
    }

    [Fact]
    public void Writing_and_parsing_again_gives_the_same_notebook()
    {
        var original = DibParser.Parse("""
            #!meta

            {"kernelInfo":{"defaultKernelName":"csharp","items":[{"aliases":[],"name":"csharp"}]}}

            #!markdown

            # Title

            Some *text*.

            #!csharp

            #!import _setup.dib
            var x = 1;

            x + 1

            #!C#

            Console.WriteLine("hi");
            """);
        var text = original.ToText();
        var again = DibParser.Parse(text);
        Assert.Equal(original.Cells.Select(c => (c.Kernel, c.Source)), again.Cells.Select(c => (c.Kernel, c.Source)));
        Assert.Equal(original.Meta!.ToJsonString(), again.Meta!.ToJsonString());
        Assert.Equal(text, again.ToText());
    }

    [Fact]
    public void Parses_the_lab_notebooks()
    {
        foreach (var file in Directory.EnumerateFiles(RepoPaths.Notebooks, "*.dib", SearchOption.AllDirectories))
        {
            var doc = DibDocument.Load(file);
            Assert.NotEmpty(doc.Cells);
            Assert.All(doc.Cells, c => Assert.Contains(c.Kernel, new[] { "csharp", "markdown" }));
        }
    }
}
