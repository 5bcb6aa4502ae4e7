namespace Lib.Splits.Model;

/// <summary>What a <see cref="PointRefiner"/> did: pairs and points refined, how often a point kept its coarse
/// answer and why, frames registered, and the time spent decoding and registering.</summary>
public sealed class RefineReport
{
    /// <summary>Pairs refined.</summary>
    public int Pairs { get; set; }

    /// <summary>Points looked at.</summary>
    public int Points { get; set; }

    /// <summary>Points whose answer registration replaced.</summary>
    public int Refined { get; set; }

    /// <summary>Points refined only after relocation (no answer near the coarse one; the window centred on the
    /// best-correlated frame within <see cref="FindOptions.RefineRelocateSeconds"/>).</summary>
    public int Relocated { get; set; }

    /// <summary>Points that kept the coarse answer, by reason.</summary>
    public Dictionary<RefineFallback, int> Fallbacks { get; } =
        Enum.GetValues<RefineFallback>().ToDictionary(r => r, _ => 0);

    /// <summary>Frame registrations run.</summary>
    public int Registrations { get; set; }

    /// <summary>Seconds spent decoding videos at their own rate.</summary>
    public double DecodeSeconds { get; set; }

    /// <summary>Seconds spent registering frames and fitting lines.</summary>
    public double RegisterSeconds { get; set; }

    /// <summary>One line: counts, fallbacks and time per pair.</summary>
    public override string ToString() =>
        $"refined {Refined} of {Points} points in {Pairs} pairs ({Relocated} after relocating; "
        + string.Join(", ", Fallbacks.Select(f => $"{f.Value} fell back: {Describe(f.Key)}"))
        + $"); {Registrations} registrations; per pair {Per(RegisterSeconds):0.00} s registering + "
        + $"{Per(DecodeSeconds):0.00} s decoding (videos decoded once and kept)";

    double Per(double seconds) => Pairs == 0 ? 0 : seconds / Pairs;

    static string Describe(RefineFallback reason) =>
        reason switch
        {
            RefineFallback.Registration => "too few frames registered",
            RefineFallback.NoCrossing => "no forward line",
            RefineFallback.TooFar => "crossing too far from the coarse answer",
            _ => "out of order",
        };
}

/// <summary>Why a point kept its coarse answer.</summary>
public enum RefineFallback
{
    /// <summary>Fewer than half the window's frames registered (occlusion, low correlation).</summary>
    Registration,

    /// <summary>No line moving forward through the displacements.</summary>
    NoCrossing,

    /// <summary>The crossing is more than <see cref="PointRefiner.MaxMoveSeconds"/> from the coarse answer.</summary>
    TooFar,

    /// <summary>The refined point would not come after the previous point.</summary>
    Order,
}
