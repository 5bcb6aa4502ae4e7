using System.Text.Json;
using Lib.Football.Domain;
using Lib.Football.Ingest;
using Lib.Storage;
using Lib.Workflow;

namespace Lib.Football.Cache;

/// <summary>
/// The outputs of the cached ingest (<see cref="FootballCacheStep.Run"/>) read back: the plays, each file's account,
/// every row left out, the validation report and the step (where the files are, whether they were rebuilt and why).
/// The cleaned table itself, <c>tracking.parquet</c> (<see cref="TablePath"/>), is large: read it whole with
/// <see cref="ReadRows"/>, one play with <see cref="ReadPlay"/>, or by columns (the dataset room does).
/// </summary>
public sealed record CachedTracking(
    IReadOnlyDictionary<PlayKey, Play> Plays,
    IReadOnlyList<TrackingFileAccount> Files,
    IReadOnlyList<RejectedRecord> Rejected,
    ValidationReport Report,
    CacheResult Step
)
{
    /// <summary>The cleaned tracking table (Parquet, <see cref="TrackingRow"/>'s schema).</summary>
    public string TablePath => Step.PathOf("tracking.parquet");

    /// <summary>The number of rows of the cleaned table.</summary>
    public long RowCount => Step.Manifest.Rows("tracking.parquet") ?? 0;

    /// <summary>Reads the outputs of a finished step.</summary>
    /// <exception cref="InvalidDataException">A file does not read; the message names it.</exception>
    public static CachedTracking Load(CacheResult step)
    {
        ArgumentNullException.ThrowIfNull(step);
        var playsPath = step.PathOf("plays.json");
        List<Play> plays;
        try
        {
            plays = JsonSerializer.Deserialize<List<Play>>(File.ReadAllText(playsPath), FootballJson.Options) ?? [];
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{playsPath}: {e.Message}", e);
        }
        var parameters = step.Manifest.Parameters;
        bool validated = !parameters.TryGetValue("validate", out var v) || v == "true";
        var rows = (int)(step.Manifest.Rows("tracking.parquet") ?? 0);
        return new CachedTracking(
            plays.ToDictionary(p => p.Key),
            RecordTable.Read<TrackingFileAccount>(step.PathOf("files.csv")),
            RecordTable.Read<RejectedRecord>(step.PathOf("rejected.csv")),
            ValidationReport.ReadCsv(step.PathOf("validation.csv"), rows, validated),
            step
        );
    }

    /// <summary>Every row of the cleaned table.</summary>
    public List<TrackingRow> ReadRows() => RecordTable.Read<TrackingRow>(TablePath);

    /// <summary>The rows of one play, by frame and entity.</summary>
    public List<TrackingRow> ReadPlay(PlayKey play)
    {
        using var connection = Lib.Storage.DuckDb.DuckDb.OpenInMemory();
        return RecordTable.Query<TrackingRow>(
            connection,
            "SELECT * FROM read_parquet(?) WHERE game_id = ? AND play_id = ? ORDER BY frame_id, team = 'football', "
                + "nfl_id",
            TablePath,
            play.GameId,
            play.PlayId
        );
    }
}
