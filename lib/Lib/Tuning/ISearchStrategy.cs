namespace Lib.Tuning;

/// <summary>Proposes a study's trials: the same list every time for the same space and settings, so an interrupted
/// study resumes with the trials it had planned.</summary>
public interface ISearchStrategy
{
    /// <summary>The trials to run over <paramref name="space"/>, in order.</summary>
    IReadOnlyList<TrialParameters> Propose(SearchSpace space);
}
