namespace Lib.Climbing.Domain;

/// <summary>What a hold is for on a route: where the hands start, a hand hold on the way, the finish, or a foot
/// hold.</summary>
public enum HoldRole
{
    /// <summary>A starting hold (MoonBoard <c>isStart</c>, Kilter role 12/42, Tension "start").</summary>
    Start,

    /// <summary>A hand hold between start and finish (MoonBoard's other holds, Kilter role 13/43, Tension
    /// "hand").</summary>
    Middle,

    /// <summary>The finishing hold (MoonBoard <c>isEnd</c>, Kilter role 14/44, Tension "finish").</summary>
    Finish,

    /// <summary>A foot-only hold (Kilter role 15/45, Tension "foot"; MoonBoard routes have none).</summary>
    Foot,
}

/// <summary>The lower-case names of <see cref="HoldRole"/> used in tokens, tables and typed routes.</summary>
public static class HoldRoles
{
    /// <summary><c>start</c>, <c>middle</c>, <c>finish</c> or <c>foot</c>.</summary>
    public static string Code(this HoldRole role) =>
        role switch
        {
            HoldRole.Start => "start",
            HoldRole.Middle => "middle",
            HoldRole.Finish => "finish",
            _ => "foot",
        };

    /// <summary>Reads a role name: <c>start</c>; <c>middle</c> or <c>hand</c>; <c>finish</c>, <c>end</c> or <c>top</c>;
    /// <c>foot</c> (any case).</summary>
    public static bool TryParse(string text, out HoldRole role)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "start":
                role = HoldRole.Start;
                return true;
            case "middle" or "hand":
                role = HoldRole.Middle;
                return true;
            case "finish" or "end" or "top":
                role = HoldRole.Finish;
                return true;
            case "foot" or "feet":
                role = HoldRole.Foot;
                return true;
            default:
                role = default;
                return false;
        }
    }
}
