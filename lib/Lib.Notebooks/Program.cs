using System.CommandLine;
using Lib.Notebooks;

var paths = new Argument<string[]>("notebooks")
{
    Description =
        "Notebooks (.dib, .ipynb) or folders to run; folders are searched recursively, skipping files named _*.",
    Arity = ArgumentArity.OneOrMore,
};
var smoke = new Option<bool>("--smoke")
{
    Description = "Quick run: apply each parameter's '// smoke: value' from the parameters cell.",
};
var param = new Option<string[]>("--param", "-p")
{
    Description = "Override a parameter, typed by its default in the '// parameters' cell. Repeatable.",
    HelpName = "name=value",
};
var output = new Option<string?>("--out", "-o")
{
    Description = "Output folder for .ipynb and .html (default: artifacts/notebooks in the repository).",
    HelpName = "dir",
};
var keepGoing = new Option<bool>("--keep-going")
{
    Description = "Run the remaining cells of a notebook after a cell fails.",
};
var cellTimeout = new Option<double>("--cell-timeout")
{
    Description = "Fail a cell that runs longer than this many seconds and stop its notebook (0: no limit).",
    DefaultValueFactory = _ => 1800,
    HelpName = "seconds",
};

var run = new Command("run", "Execute notebooks headless and write executed .ipynb and .html reports.")
{
    paths,
    smoke,
    param,
    output,
    keepGoing,
    cellTimeout,
};
run.SetAction(
    async (parse, _) =>
        await RunCommand.ExecuteAsync(
            new RunRequest(
                parse.GetValue(paths) ?? [],
                parse.GetValue(smoke),
                parse.GetValue(param) ?? [],
                parse.GetValue(output),
                parse.GetValue(keepGoing),
                parse.GetValue(cellTimeout)
            ),
            Console.Out
        )
);

var root = new RootCommand("The lab's headless runner for .dib and .ipynb notebooks, on the Polyglot Notebooks kernel.")
{
    run,
};
return await root.Parse(args).InvokeAsync();
