using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// The first baseline: the training routes' mean difficulty of the route's board and angle, falling back
/// to the board's mean when that angle has no training route, and to the overall mean for an unseen board.
/// </summary>
public sealed class MeanBaseline : IPredictor<Route>
{
    private readonly Dictionary<(string, int), double> _byBoardAngle;
    private readonly Dictionary<string, double> _byBoard;
    private readonly double _overall;

    /// <summary>Fits the means on <paramref name="train"/> (graded routes).</summary>
    public MeanBaseline(IReadOnlyList<Route> train)
    {
        ArgumentNullException.ThrowIfNull(train);
        var graded = train.Where(r => r.Difficulty is not null).ToList();
        if (graded.Count == 0)
            throw new ArgumentException("The mean baseline needs graded training routes.", nameof(train));
        _byBoardAngle = graded
            .GroupBy(r => (r.Board, r.Angle))
            .ToDictionary(g => g.Key, g => g.Average(r => r.Difficulty!.Value));
        _byBoard = graded
            .GroupBy(r => r.Board, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Average(r => r.Difficulty!.Value), StringComparer.Ordinal);
        _overall = graded.Average(r => r.Difficulty!.Value);
    }

    /// <inheritdoc />
    public string Name => "mean baseline";

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<Route> inputs) =>
        [
            .. inputs.Select(r =>
                _byBoardAngle.TryGetValue((r.Board, r.Angle), out var m) ? m
                : _byBoard.TryGetValue(r.Board, out var b) ? b
                : _overall
            ),
        ];
}
