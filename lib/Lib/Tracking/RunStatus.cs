namespace Lib.Tracking;

/// <summary>MLflow's run statuses, with its numeric codes.</summary>
public enum RunStatus
{
    /// <summary>Still running.</summary>
    Running = 1,

    /// <summary>Scheduled, not started.</summary>
    Scheduled = 2,

    /// <summary>Ended normally.</summary>
    Finished = 3,

    /// <summary>Ended by an error.</summary>
    Failed = 4,

    /// <summary>Stopped by the user.</summary>
    Killed = 5,
}
