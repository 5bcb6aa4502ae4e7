namespace Lib.Climbing.Evaluate;

/// <summary>One line of the metric table: a predictor's <see cref="GradeMetrics"/> on a group of routes.</summary>
/// <param name="Scope"><c>overall</c>, <c>board</c> or <c>board+angle</c>.</param>
/// <param name="Group"><c>all</c>, a board key, or <c>MOON2017@25</c>.</param>
/// <param name="Predictor">The predictor's name.</param>
/// <param name="Count">Routes in the group.</param>
/// <param name="Mae">Mean absolute error, in difficulty units.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="R2">The coefficient of determination against the group's mean.</param>
/// <param name="Within1">The share within ±1 difficulty.</param>
/// <param name="Within2">The share within ±2 difficulty.</param>
/// <param name="VExact">The share with the right V grade.</param>
/// <param name="VWithin1">The share within ±1 V grade.</param>
/// <param name="VWithin2">The share within ±2 V grades.</param>
public sealed record MetricRow(
    string Scope,
    string Group,
    string Predictor,
    int Count,
    double Mae,
    double Rmse,
    double R2,
    double Within1,
    double Within2,
    double VExact,
    double VWithin1,
    double VWithin2
)
{
    /// <summary>A row of <paramref name="m"/>.</summary>
    public static MetricRow Of(string scope, string group, string predictor, GradeMetrics m) =>
        new(
            scope,
            group,
            predictor,
            m.Count,
            m.Mae,
            m.Rmse,
            m.R2,
            m.Within1,
            m.Within2,
            m.VExact,
            m.VWithin1,
            m.VWithin2
        );
}
