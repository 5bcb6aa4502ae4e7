namespace Lib.Football.Model;

/// <summary>
/// A forecaster's errors pooled over a set of players (all, a position group, a play type): how many were scored at
/// 1 s and at 2 s, ADE, FDE and miss rate (the share whose FDE exceeds <see cref="MissYards"/>) at each, and minADE and
/// minFDE over the modes at 2 s (equal to ADE and FDE for one mode), yards; and a mixture's mean negative
/// log-likelihood of the true 2 s paths, nats per step (NaN without a mixture).
/// </summary>
public sealed record TrajectoryScore(
    int Count1,
    double Ade1,
    double Fde1,
    double Miss1,
    int Count2,
    double Ade2,
    double Fde2,
    double Miss2,
    double MinAde2,
    double MinFde2,
    double Nll2 = double.NaN
)
{
    /// <summary>A final error beyond this many yards is a miss.</summary>
    public const double MissYards = 2.0;

    /// <summary>Pools <paramref name="errors"/> (each horizon over the players that reach it).</summary>
    public static TrajectoryScore Of(IEnumerable<NodeErrors> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var list = errors as IReadOnlyList<NodeErrors> ?? [.. errors];
        var one = list.Where(e => !double.IsNaN(e.Ade1)).ToList();
        var two = list.Where(e => !double.IsNaN(e.Ade2)).ToList();
        static double Mean(IReadOnlyList<NodeErrors> rows, Func<NodeErrors, double> f) =>
            rows.Count == 0 ? double.NaN : rows.Average(f);
        return new TrajectoryScore(
            one.Count,
            Mean(one, e => e.Ade1),
            Mean(one, e => e.Fde1),
            Mean(one, e => e.Fde1 > MissYards ? 1 : 0),
            two.Count,
            Mean(two, e => e.Ade2),
            Mean(two, e => e.Fde2),
            Mean(two, e => e.Fde2 > MissYards ? 1 : 0),
            Mean(two, e => e.MinAde2),
            Mean(two, e => e.MinFde2),
            Mean(two, e => e.Nll2)
        );
    }
}
