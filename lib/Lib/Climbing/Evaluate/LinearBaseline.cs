using Lib.Climbing.Domain;
using Lib.Workflow;

namespace Lib.Climbing.Evaluate;

/// <summary>
/// The second baseline: ridge regression (λ = 1 on standardised inputs, intercept free) on simple route
/// features — hold count, height gained, mean and max reach (<see cref="RouteFeatures"/>) — plus the wall
/// angle and a one-hot of the board, so it can learn each board's level and the effect of steepness.
/// </summary>
public sealed class LinearBaseline : IPredictor<Route>
{
    private readonly string[] _boards;
    private readonly double[] _mean,
        _scale,
        _weights;
    private readonly double _intercept;

    /// <summary>Fits the model on <paramref name="train"/> (graded routes).</summary>
    public LinearBaseline(IReadOnlyList<Route> train, double lambda = 1.0)
    {
        ArgumentNullException.ThrowIfNull(train);
        var graded = train.Where(r => r.Difficulty is not null).ToList();
        if (graded.Count < 2)
            throw new ArgumentException(
                "The linear baseline needs at least two graded training routes.",
                nameof(train)
            );
        _boards = [.. graded.Select(r => r.Board).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        var x = graded.Select(Raw).ToArray();
        int n = x.Length,
            p = x[0].Length;
        _mean = new double[p];
        _scale = new double[p];
        for (int j = 0; j < p; j++)
        {
            _mean[j] = x.Average(row => row[j]);
            var sd = Math.Sqrt(x.Average(row => (row[j] - _mean[j]) * (row[j] - _mean[j])));
            _scale[j] = sd > 1e-12 ? sd : 1;
        }
        var z = x.Select(Standardise).ToArray();
        var y = graded.Select(r => r.Difficulty!.Value).ToArray();
        _intercept = y.Average();
        // (ZᵀZ + λI) w = Zᵀ(y − ȳ); Z is centred, so the intercept is ȳ.
        var a = new double[p, p];
        var b = new double[p];
        for (int i = 0; i < n; i++)
        for (int j = 0; j < p; j++)
        {
            b[j] += z[i][j] * (y[i] - _intercept);
            for (int k = 0; k < p; k++)
                a[j, k] += z[i][j] * z[i][k];
        }
        for (int j = 0; j < p; j++)
            a[j, j] += lambda;
        _weights = LinearSystem.Solve(a, b); // λ > 0: positive definite
    }

    /// <inheritdoc />
    public string Name => "linear baseline";

    /// <summary>The input names, in the order of <see cref="Weights"/>.</summary>
    public IReadOnlyList<string> InputNames => [.. RouteFeatures.Names, "angle", .. _boards.Select(b => "board=" + b)];

    /// <summary>The fitted weights, per standard deviation of each input.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<Route> inputs) =>
        [
            .. inputs.Select(r =>
            {
                var z = Standardise(Raw(r));
                double s = _intercept;
                for (int j = 0; j < z.Length; j++)
                    s += _weights[j] * z[j];
                return s;
            }),
        ];

    private double[] Raw(Route r) =>
        [.. RouteFeatures.Of(r).Values, r.Angle, .. _boards.Select(b => b == r.Board ? 1.0 : 0.0)];

    private double[] Standardise(double[] raw)
    {
        var z = new double[raw.Length];
        for (int j = 0; j < raw.Length; j++)
            z[j] = (raw[j] - _mean[j]) / _scale[j];
        return z;
    }
}
