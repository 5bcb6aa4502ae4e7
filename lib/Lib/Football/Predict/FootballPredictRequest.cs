namespace Lib.Football.Predict;

/// <summary>
/// What <c>lab football predict</c> asks for: the model folder, the tracking file (the slim CSV, optionally gzipped)
/// and its plays file (default <c>plays.csv</c> beside it: the play direction and possession the normalisation
/// needs), the cuts (<c>game_id,play_id,cut_frame</c>), the steps to forecast (at most the model's), where to write
/// the forecasts and, optionally, the coverage probabilities; the derived-data cache the input is read through.
/// </summary>
public sealed record FootballPredictRequest(
    string ModelFolder,
    string Input,
    string Cuts,
    string Output,
    string CacheRoot
)
{
    /// <summary>The plays file (null: <c>plays.csv</c> beside the input).</summary>
    public string? Plays { get; init; }

    /// <summary>Forecast steps (null: the model's horizon).</summary>
    public int? Horizon { get; init; }

    /// <summary>Where to write <c>game_id,play_id,p_tight_window</c> (null: not written).</summary>
    public string? CoverageOutput { get; init; }
}
