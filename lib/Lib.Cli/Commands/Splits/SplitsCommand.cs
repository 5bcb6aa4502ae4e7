using System.CommandLine;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab splits …</c>: the downhill split timer. Each verb parses its options, calls its room's step class and shows
/// what the step returns; one file per verb.
/// </summary>
internal static partial class SplitsCommand
{
    public static Command Create(CliContext context) =>
        new("splits", "Downhill split timer: synthetic traversal videos, video features, official timing, splits.")
        {
            SynthCommand(context),
            TimingCommand(context),
            VideosCommand(context),
            MatchOfficialCommand(context),
            InspectCommand(context),
            TrainCommand(context),
            FindCommand(context),
            EvaluateCommand(context),
        };
}
