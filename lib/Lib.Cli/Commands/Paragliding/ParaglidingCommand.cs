using System.CommandLine;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab paragliding …</c>: cross-country paragliding. The parser verbs: <c>igc</c> (flight-log summaries),
/// <c>grib</c> (GRIB2 weather at sites in Glideator's schema) and <c>xcontest</c> (saved XContest pages to rows).
/// Each verb parses its options, calls its room's step class and shows what it returns; one file per verb.
/// </summary>
internal static partial class ParaglidingCommand
{
    public static Command Create(CliContext context) =>
        new("paragliding", "Cross-country paragliding: IGC flight logs, GRIB2 weather at launch sites, XContest pages.")
        {
            IgcCommand(context),
            GribCommand(context),
            WeatherCommand(context),
            XContestCommand(context),
        };
}
