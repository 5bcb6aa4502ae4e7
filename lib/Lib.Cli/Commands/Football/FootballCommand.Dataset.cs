using System.CommandLine;
using System.Globalization;
using Lib.Football.Dataset;
using Spectre.Console;

namespace Lib.Cli.Commands;

// lab football dataset: the dataset step (cached ingest, normalised tracks, samples, split by game), its counts per
// part, the tight-window label's base rate and the BDB sample's man/zone labels.
internal static partial class FootballCommand
{
    private static Command DatasetCommand(CliContext context)
    {
        var data = new DataOptions();
        var seed = new Option<int>("--split-seed")
        {
            Description = "The seed of the split by game (train 70%, validation 15%, test 15%).",
            DefaultValueFactory = _ => new GameSplit().Seed,
            HelpName = "n",
        };
        var command = new Command(
            "dataset",
            "Build the graph samples (10 observed frames, 20 forecast, a cut every half second from the snap of pass "
                + "and run plays) and print games, plays and samples per part of the split by game."
        )
        {
            seed,
        };
        data.AddTo(command);
        command.SetAction(parse =>
        {
            var dataset = FootballDatasetStep.Run(
                data.Data(context, parse),
                data.Cache(context, parse),
                split: new GameSplit(Seed: parse.GetValue(seed)),
                selection: data.Selection(parse)
            );
            var table = new Spectre.Console.Table().AddColumns(
                "split",
                "games",
                "plays",
                "samples",
                "pass",
                "rush",
                "labelled",
                "tight window"
            );
            foreach (var c in dataset.Counts())
                table.AddRow(
                    c.Split,
                    N(c.Games),
                    N(c.Plays),
                    N(c.Samples),
                    N(c.PassSamples),
                    N(c.RushSamples),
                    N(c.CoverageSamples),
                    double.IsNaN(c.TightWindowRate)
                        ? ""
                        : c.TightWindowRate.ToString("0.0%", CultureInfo.InvariantCulture)
                );
            context.Console.Write(table);
            int tight = dataset.Coverage.Count(c => c.TightWindow);
            context.Console.WriteLine(
                $"{N(dataset.Tracks.Count)} plays tracked, {N(dataset.Samples.Count)} samples of "
                    + $"{NodeFeatures.Count} node features; tight window on {N(tight)} of {N(dataset.Coverage.Count)} "
                    + "passes."
            );
            foreach (var p in dataset.ManZonePlays)
                context.Console.WriteLine(
                    Markup.Escape($"BDB {p.Key}: {p.Coverage} ({p.CoverageType}), pass result {p.PassResult}")
                );
            return 0;
        });
        return command;
    }
}
