using System.CommandLine;

namespace Lib.Cli.Commands;

/// <summary>
/// <c>lab track scrape | train | evaluate | predict | export</c>: one verb per step of the track workflow, each in its
/// own file (<c>TrackCommand.&lt;Verb&gt;.cs</c>). A verb parses its options, calls the step's one orchestration in
/// the library (<c>TrackScrapeStep</c>, <c>TrackCacheStep</c>, <c>TrackTrainStep</c>, <c>TrackEvaluateStep</c>,
/// <c>TrackPredictStep</c>, <c>HierarchicalLstmOnnx.Save</c>) and shows the result.
/// </summary>
internal static partial class TrackCommand
{
    public static Command Create(CliContext context) =>
        new(
            "track",
            "Track & field (TFRRS): scrape pages, train the next-season-peak forecaster, evaluate it against "
                + "baselines, predict."
        )
        {
            ScrapeCommand(context),
            TrainCommand(context),
            EvaluateCommand(context),
            PredictCommand(context),
            ExportCommand(context),
            CrossCheckCommand(context),
        };

    private static string Count(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
