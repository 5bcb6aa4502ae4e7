using System.CommandLine;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab tune &lt;sport&gt;</c>: hyperparameter studies, one subcommand per sport. Each is built in the sport's folder
/// (<c>Track/TrackCommand.Tune.cs</c>, <c>Football/FootballCommand.Tune.cs</c>), beside the options it shares
/// with the sport's other verbs, and calls the sport's tune step (<c>TrackTuneStep</c>, <c>FootballTuneStep</c>,
/// <c>SplitsTuneStep</c> from <c>Splits/SplitsCommand.Tune.cs</c>).
/// </summary>
internal static class TuneCommand
{
    public static Command Create(CliContext context) =>
        new(
            "tune",
            "Tune a sport's model: each trial a tracked run of a resumable study, then the comparison table and the "
                + "best parameters."
        )
        {
            TrackCommand.TuneCommand(context),
            ParaglidingCommand.TuneCommand(context),
            FootballCommand.TuneCommand(context),
            SplitsCommand.TuneCommand(context),
        };
}
