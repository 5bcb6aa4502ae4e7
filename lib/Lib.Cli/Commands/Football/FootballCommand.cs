using System.CommandLine;
using System.Globalization;
using Lib.Football.Ingest;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab football …</c>: NFL tracking → one validated, cached table → graph samples for forecasting every player's
/// path. Each verb parses its options, calls its room's step class (<c>FootballCacheStep</c>,
/// <c>FootballDatasetStep</c> …) and shows what the step returns; one file per verb.
/// </summary>
internal static partial class FootballCommand
{
    public static Command Create(CliContext context) =>
        new(
            "football",
            "NFL tracking (Next Gen Stats, Big Data Bowl): ingest and validate plays, build graph samples, forecast "
                + "every player's path."
        )
        {
            IngestCommand(context),
            DatasetCommand(context),
            TrainCommand(context),
            EvaluateCommand(context),
            PredictCommand(context),
            ExportCommand(context),
        };

    /// <summary>Where the data comes from and what of it is read: <c>--data</c>, <c>--cache</c>, <c>--seasons</c>,
    /// <c>--weeks</c>.</summary>
    private sealed class DataOptions
    {
        private readonly Option<string?> _data = new("--data")
        {
            Description =
                "The football data folder (tracking CSVs, plays.csv, raw/ NGS files, BDB files). Default: "
                + "data/football.",
            HelpName = "dir",
        };
        private readonly Option<string?> _cache = new("--cache")
        {
            Description = "The derived-data cache. Default: artifacts/cache.",
            HelpName = "dir",
        };
        private readonly Option<string?> _seasons = new("--seasons")
        {
            Description = "Read only these seasons, e.g. 2018 or 2018,2019. Default: all.",
            HelpName = "list",
        };
        private readonly Option<string?> _weeks = new("--weeks")
        {
            Description =
                "Read only these weeks, e.g. 1-9 or 1,2,18 (POST weeks are 18-22); train, validation and test games "
                + "all come from them. train: overrides the config's weeks; evaluate: default the model's. "
                + "Default: all.",
            HelpName = "list",
        };

        public void AddTo(Command command)
        {
            command.Options.Add(_data);
            command.Options.Add(_cache);
            command.Options.Add(_seasons);
            command.Options.Add(_weeks);
        }

        public string Data(CliContext context, ParseResult parse) =>
            parse.GetValue(_data) ?? Path.Combine(context.Root, "data", "football");

        public string Cache(CliContext context, ParseResult parse) =>
            parse.GetValue(_cache) ?? Path.Combine(context.Artifacts, "cache");

        /// <summary>The selection of <c>--seasons</c> and <c>--weeks</c>.</summary>
        /// <exception cref="ArgumentException">A list does not parse (exit 2).</exception>
        public TrackingSelection Selection(ParseResult parse)
        {
            try
            {
                return TrackingSelection.Of(
                    TrackingSelection.ParseList(parse.GetValue(_seasons)),
                    TrackingSelection.ParseList(parse.GetValue(_weeks))
                );
            }
            catch (FormatException e)
            {
                throw new ArgumentException($"--seasons/--weeks: {e.Message}", e);
            }
        }
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
