namespace Lib.Football.Domain;

/// <summary>
/// One row of the football workflow's one tracking table: an entity (a player or the ball) at one frame of a play,
/// whatever the source's schema (the slim CSV, the raw 36-column NGS TSV, Big Data Bowl 2023 tracking). Positions are
/// in the source's own field frame (not normalised to the attacking direction): x 0–120 yd along the field (end zones
/// included), y 0–53.3 yd across; <see cref="Dir"/> and <see cref="O"/> in degrees, 0° = +y, 90° = +x, clockwise
/// (velocity = s·(sin dir, cos dir)). The record is the cached table's schema (<c>tracking.parquet</c>).
/// </summary>
/// <param name="Source">The file the row was read from (its name).</param>
/// <param name="Line">The row's 1-based line in that file (the header is line 1).</param>
/// <param name="GameId">NFL game id (yyyymmdd + 2 digits).</param>
/// <param name="PlayId">Play id within the game.</param>
/// <param name="Season">Season (the year it started).</param>
/// <param name="Week">Week (1–17 regular season, 18–22 post season); null where the source does not say (BDB).</param>
/// <param name="FrameId">The play's 10 Hz clock: rows at the same instant share it.</param>
/// <param name="Time">The UTC instant of the frame.</param>
/// <param name="NflId">The player's id; null for the ball.</param>
/// <param name="DisplayName">The player's name, <c>ball</c> or <c>football</c> for the ball.</param>
/// <param name="Position">The NGS position (QB, WR, CB …); empty for the ball.</param>
/// <param name="Team"><c>home</c>, <c>away</c>, a team abbreviation (BDB) or <c>football</c> (the ball).</param>
/// <param name="JerseyNumber">The jersey number; null for the ball.</param>
/// <param name="X">Yards along the field, 0–120.</param>
/// <param name="Y">Yards across the field, 0–53.3.</param>
/// <param name="S">Speed, yd/s.</param>
/// <param name="A">Acceleration, yd/s², where the source has it (BDB); else null (the dataset derives it).</param>
/// <param name="Dis">Distance since the previous frame, yd, where the source has it (BDB).</param>
/// <param name="O">Orientation, degrees; null for the ball.</param>
/// <param name="Dir">Direction of motion, degrees; null for the ball.</param>
/// <param name="Event">The event tagged at this frame (<c>ball_snap</c>, <c>pass_forward</c> …), else empty.</param>
public sealed record TrackingRow(
    string Source,
    int Line,
    long GameId,
    int PlayId,
    int Season,
    int? Week,
    int FrameId,
    DateTime Time,
    int? NflId,
    string DisplayName,
    string Position,
    string Team,
    int? JerseyNumber,
    double X,
    double Y,
    double S,
    double? A,
    double? Dis,
    double? O,
    double? Dir,
    string Event
)
{
    /// <summary>The team value of the ball's rows.</summary>
    public const string BallTeam = "football";

    /// <summary>Whether the row is the ball's (team <c>football</c>).</summary>
    public bool IsBall => Team == BallTeam;

    /// <summary>The play the row belongs to.</summary>
    public PlayKey Play => new(GameId, PlayId);
}
