namespace Lib.Splits.Evaluate;

/// <summary>What a split study's trial is judged by, on the validation track(s) only.</summary>
public enum SplitsTuneObjective
{
    /// <summary>The classifier's macro F1 on the validation track's clip pairs at its best epoch (the original's
    /// <c>classification_report</c>; higher is better; averaged over the folds).</summary>
    MacroF1,

    /// <summary>The search's mean absolute error in seconds when each fold's model finds every ordered pair's points
    /// on its validation track (lower is better; all the folds' points together). The macro F1 is logged too.
    /// </summary>
    SearchMae,
}
