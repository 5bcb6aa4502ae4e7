namespace Lib.Football.Domain;

/// <summary>The tracking schemas the workflow reads into its one table.</summary>
public enum TrackingFormat
{
    /// <summary>The slim CSV (<c>game_id,play_id,season,week,frame_id,time,nfl_id,…,event</c>), plain or
    /// gzipped.</summary>
    Slim,

    /// <summary>The NGS highlights' raw 36-column TSV, one play per file (its <c>frame</c> is rebuilt from
    /// <c>time</c>).</summary>
    RawNgs,

    /// <summary>Big Data Bowl 2023 tracking (<c>bdb_coords.csv</c> with <c>bdb_plays.csv</c> and
    /// <c>bdb_players.csv</c>).</summary>
    Bdb2023,
}
