using System.Text.Json.Serialization;

namespace Lib.Football.Domain;

/// <summary>
/// One play's context, from <c>plays.csv</c>, a raw NGS file's repeated play columns or BDB's <c>plays.csv</c>: who
/// has the ball, the play type, the direction of attack and every event with its frame. The events decide the
/// dataset's cuts (from <c>ball_snap</c>) and the coverage label (<c>pass_arrived</c>).
/// </summary>
/// <param name="GameId">NFL game id.</param>
/// <param name="PlayId">Play id within the game.</param>
/// <param name="Season">Season.</param>
/// <param name="SeasonType"><c>REG</c> or <c>POST</c>; empty where the source does not say.</param>
/// <param name="Week">Week (POST 18–22); null where the source does not say.</param>
/// <param name="PossessionTeam">The offence's abbreviation (the kicking team on kickoffs and punts).</param>
/// <param name="HomeTeam">The home team's abbreviation; empty where unknown (BDB).</param>
/// <param name="AwayTeam">The away team's abbreviation; empty where unknown (BDB).</param>
/// <param name="DefensiveTeam">The defence's abbreviation (where the source says; else the other of home and
/// away).</param>
/// <param name="Type">The play type.</param>
/// <param name="Direction">The offence's direction of attack along x.</param>
/// <param name="AbsoluteYardline">The line of scrimmage in the x frame; null where unknown.</param>
/// <param name="Down">The down (0 on kickoffs and conversions).</param>
/// <param name="Distance">Yards to go.</param>
/// <param name="Description">The official play-by-play text.</param>
/// <param name="Events">Every event with its frame, in time order.</param>
/// <param name="PassResult">BDB's <c>passResult</c> (C, I, S, IN, R) or, for NGS plays, <c>C</c>/<c>I</c>/<c>IN</c>
/// from the pass outcome events; empty for other plays.</param>
/// <param name="Coverage">BDB's <c>pff_passCoverage</c> (Cover-3 …); empty where the source has none.</param>
/// <param name="CoverageType">BDB's <c>pff_passCoverageType</c> (Man / Zone); empty where the source has none.</param>
/// <param name="Source">The file the play was read from.</param>
/// <param name="Format">The schema of that file.</param>
public sealed record Play(
    long GameId,
    int PlayId,
    int Season,
    string SeasonType,
    int? Week,
    string PossessionTeam,
    string HomeTeam,
    string AwayTeam,
    string DefensiveTeam,
    PlayType Type,
    PlayDirection Direction,
    double? AbsoluteYardline,
    int Down,
    int Distance,
    string Description,
    IReadOnlyList<PlayEvent> Events,
    string PassResult,
    string Coverage,
    string CoverageType,
    string Source,
    TrackingFormat Format
)
{
    /// <summary>The play's key.</summary>
    [JsonIgnore]
    public PlayKey Key => new(GameId, PlayId);

    /// <summary>The first frame at which <paramref name="eventName"/> is tagged, or null.</summary>
    public int? FrameOf(string eventName)
    {
        foreach (var e in Events)
            if (e.Name == eventName)
                return e.Frame;
        return null;
    }

    /// <summary>The snap's frame: <c>ball_snap</c>, else <c>snap_direct</c>; null on kickoffs.</summary>
    [JsonIgnore]
    public int? SnapFrame => FrameOf("ball_snap") ?? FrameOf("snap_direct");

    /// <summary>The frame the pass arrives (<c>pass_arrived</c>), or null.</summary>
    [JsonIgnore]
    public int? PassArrivedFrame => FrameOf("pass_arrived");

    /// <summary>The events that end a play: the ball carrier down, out, in the end zone, or the pass
    /// incomplete.</summary>
    public static IReadOnlyList<string> EndEvents { get; } =
    [
        "tackle",
        "out_of_bounds",
        "touchdown",
        "pass_outcome_incomplete",
        "pass_outcome_touchdown",
        "qb_sack",
        "qb_strip_sack",
        "safety",
    ];

    /// <summary>The first frame of an <see cref="EndEvents"/> event, or null (then the play ends with its
    /// tracking).</summary>
    [JsonIgnore]
    public int? EndFrame =>
        Events.Where(e => EndEvents.Contains(e.Name)).Select(e => (int?)e.Frame).DefaultIfEmpty(null).Min();

    /// <summary>The side of a row's <see cref="TrackingRow.Team"/> value on this play: <c>football</c> is the ball;
    /// <c>home</c>/<c>away</c> go through <see cref="HomeTeam"/>/<see cref="AwayTeam"/>; an abbreviation (BDB) is
    /// offence when it is the <see cref="PossessionTeam"/>.</summary>
    /// <exception cref="InvalidDataException">A home/away value on a play whose teams are unknown.</exception>
    public Side SideOf(string team)
    {
        var abbreviation = team switch
        {
            TrackingRow.BallTeam => null,
            "home" => HomeTeam,
            "away" => AwayTeam,
            _ => team,
        };
        if (abbreviation is null)
            return Side.Ball;
        if (abbreviation.Length == 0)
            throw new InvalidDataException(
                $"{Source}: play {Key}: team '{team}' cannot be placed: the play's {team} team is not known."
            );
        return abbreviation == PossessionTeam ? Side.Offense : Side.Defense;
    }
}
