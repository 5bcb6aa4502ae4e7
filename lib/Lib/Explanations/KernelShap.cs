using Lib.Tensors;
using Lib.Workflow;

namespace Lib.Explanations;

/// <summary>
/// KernelSHAP (Lundberg and Lee, 2017; the <c>shap</c> package's <c>KernelExplainer</c>) for any predictor over a
/// feature matrix. A coalition z of features takes the explained row's values for the features in z and a
/// background row's for the rest, and v(z) is the mean prediction over the background sample (features treated as
/// independent). The SHAP values are the weighted least-squares fit of v(z) − v(∅) by Σ_{j∈z} φ_j under the
/// Shapley kernel π(z) = (M − 1) / (C(M, |z|) |z| (M − |z|)), with the efficiency constraint
/// Σ φ_j = f(x) − E[f] imposed exactly (the last feature's φ eliminated). With at most
/// <see cref="MaxExactFeatures"/> features every coalition is enumerated, which gives the exact Shapley values of
/// that game; with more, coalitions are sampled in complementary pairs with sizes drawn in proportion to the
/// kernel's total weight per size, and weighted equally.
/// </summary>
public sealed class KernelShap
{
    private readonly Func<double[][], double[]> _predict;
    private readonly double[][] _background;
    private readonly long _seed;

    /// <summary>Prepares an explainer: draws the background sample and computes the base value.</summary>
    /// <param name="predict">The predictor: one prediction per row (probabilities, logits or values).</param>
    /// <param name="background">
    /// Rows standing for "feature unknown" (the training set, typically); all of them when there are at most
    /// <paramref name="backgroundSize"/>, else a seeded sample of that many without replacement.
    /// </param>
    /// <param name="featureNames">One name per column.</param>
    /// <param name="backgroundSize">The background sample's size (cost grows linearly with it).</param>
    /// <param name="seed">Seeds the background sample and the sampled coalitions.</param>
    /// <param name="maxExactFeatures">Up to this many features, all 2^M − 2 coalitions are enumerated.</param>
    /// <param name="samples">Coalitions sampled per explained row above that (rounded up to pairs).</param>
    /// <exception cref="ArgumentException">
    /// The background is empty, a row's width differs from the names, or a size is not positive.
    /// </exception>
    public KernelShap(
        Func<double[][], double[]> predict,
        IReadOnlyList<double[]> background,
        IReadOnlyList<string> featureNames,
        int backgroundSize = 100,
        long seed = 0,
        int maxExactFeatures = 12,
        int samples = 2048
    )
    {
        ArgumentNullException.ThrowIfNull(predict);
        FeatureRows.Check(background, featureNames, nameof(background));
        if (background.Count == 0)
            throw new ArgumentException("KernelSHAP needs at least one background row.", nameof(background));
        ArgumentOutOfRangeException.ThrowIfLessThan(backgroundSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxExactFeatures, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxExactFeatures, 20);
        ArgumentOutOfRangeException.ThrowIfLessThan(samples, 2);
        _predict = predict;
        _seed = seed;
        FeatureNames = [.. featureNames];
        MaxExactFeatures = maxExactFeatures;
        Samples = samples + samples % 2;
        _background = Sample(background, backgroundSize, new Generator(seed));
        BaseValue = FeatureRows.Predict(predict, _background).Average();
    }

    /// <summary>One name per column.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>The background sample (copies of the rows drawn).</summary>
    public IReadOnlyList<double[]> Background => _background;

    /// <summary>E[f]: the mean prediction over the background sample.</summary>
    public double BaseValue { get; }

    /// <summary>The most features explained by enumerating every coalition.</summary>
    public int MaxExactFeatures { get; }

    /// <summary>Coalitions sampled per explained row when there are more features than that.</summary>
    public int Samples { get; }

    /// <summary>The SHAP values of <paramref name="rows"/>.</summary>
    /// <exception cref="ArgumentException">A row's width differs from the feature names.</exception>
    public ShapExplanation Explain(IReadOnlyList<double[]> rows)
    {
        FeatureRows.Check(rows, FeatureNames, nameof(rows));
        var explained = rows.Select(r => (double[])r.Clone()).ToArray();
        var predictions = explained.Length == 0 ? [] : FeatureRows.Predict(_predict, explained);
        var values = new double[explained.Length][];
        for (int i = 0; i < explained.Length; i++)
        {
            var (masks, weights) =
                FeatureNames.Count <= MaxExactFeatures
                    ? AllCoalitions(FeatureNames.Count)
                    : SampledCoalitions(FeatureNames.Count, new Generator(_seed + 7919L * (i + 1)));
            values[i] = Solve(masks, weights, CoalitionValues(explained[i], masks), predictions[i]);
        }
        return new ShapExplanation(FeatureNames, BaseValue, explained, predictions, values);
    }

    /// <summary>
    /// v(z) for each coalition: the mean prediction with the background filling the features not in z.
    /// </summary>
    private double[] CoalitionValues(double[] row, List<bool[]> masks)
    {
        int m = row.Length,
            n = _background.Length;
        int perCall = Math.Max(1, 65536 / n);
        var result = new double[masks.Count];
        for (int start = 0; start < masks.Count; start += perCall)
        {
            int count = Math.Min(perCall, masks.Count - start);
            var batch = new double[count * n][];
            for (int c = 0; c < count; c++)
            {
                var mask = masks[start + c];
                for (int b = 0; b < n; b++)
                {
                    var mixed = (double[])_background[b].Clone();
                    for (int j = 0; j < m; j++)
                        if (mask[j])
                            mixed[j] = row[j];
                    batch[c * n + b] = mixed;
                }
            }
            var predictions = FeatureRows.Predict(_predict, batch);
            for (int c = 0; c < count; c++)
            {
                double sum = 0;
                for (int b = 0; b < n; b++)
                    sum += predictions[c * n + b];
                result[start + c] = sum / n;
            }
        }
        return result;
    }

    /// <summary>The constrained weighted least squares: φ with Σ φ = f(x) − E[f].</summary>
    private double[] Solve(List<bool[]> masks, List<double> weights, double[] v, double fx)
    {
        int m = FeatureNames.Count;
        double delta = fx - BaseValue;
        if (m == 1)
            return [delta];
        int k = m - 1;
        var a = new double[k, k];
        var b = new double[k];
        var x = new double[k];
        for (int c = 0; c < masks.Count; c++)
        {
            var z = masks[c];
            double last = z[m - 1] ? 1 : 0;
            double y = v[c] - BaseValue - last * delta;
            for (int j = 0; j < k; j++)
                x[j] = (z[j] ? 1 : 0) - last;
            for (int p = 0; p < k; p++)
            {
                if (x[p] == 0)
                    continue;
                b[p] += weights[c] * x[p] * y;
                for (int q = 0; q < k; q++)
                    a[p, q] += weights[c] * x[p] * x[q];
            }
        }
        double[] phi;
        try
        {
            phi = LinearSystem.Solve(a, b);
        }
        catch (InvalidOperationException e)
        {
            throw new InvalidOperationException(
                "The weighted least-squares system is singular: too few distinct coalitions for the features.",
                e
            );
        }
        return [.. phi, delta - phi.Sum()];
    }

    /// <summary>Every coalition but the empty and the full one, with its Shapley kernel weight.</summary>
    private static (List<bool[]>, List<double>) AllCoalitions(int m)
    {
        var masks = new List<bool[]>();
        var weights = new List<double>();
        for (long bits = 1; bits < (1L << m) - 1; bits++)
        {
            var z = new bool[m];
            int size = 0;
            for (int j = 0; j < m; j++)
                if ((bits >> j & 1) == 1)
                {
                    z[j] = true;
                    size++;
                }
            masks.Add(z);
            weights.Add((m - 1) / (Binomial(m, size) * size * (m - size)));
        }
        return (masks, weights);
    }

    /// <summary>
    /// Coalitions in complementary pairs: a size s with probability ∝ (M − 1) / (s (M − s)) (the kernel's total
    /// weight of size s), then a uniform subset of that size, so each coalition is drawn ∝ its kernel weight.
    /// </summary>
    private (List<bool[]>, List<double>) SampledCoalitions(int m, Generator random)
    {
        var sizeWeights = Enumerable.Range(1, m - 1).Select(s => 1.0 / (s * (m - s))).ToArray();
        double total = sizeWeights.Sum();
        var masks = new List<bool[]>();
        var order = Enumerable.Range(0, m).ToArray();
        for (int pair = 0; pair < Samples / 2; pair++)
        {
            double u = random.NextDouble() * total;
            int size = 1;
            while (size < m - 1 && u >= sizeWeights[size - 1])
                u -= sizeWeights[size++ - 1];
            for (int j = 0; j < size; j++)
            {
                int pick = j + random.NextInt(m - j);
                (order[j], order[pick]) = (order[pick], order[j]);
            }
            var z = new bool[m];
            for (int j = 0; j < size; j++)
                z[order[j]] = true;
            masks.Add(z);
            masks.Add([.. z.Select(inside => !inside)]);
        }
        return (masks, [.. Enumerable.Repeat(1.0, masks.Count)]);
    }

    private static double Binomial(int n, int k)
    {
        double result = 1;
        for (int i = 1; i <= k; i++)
            result = result * (n - k + i) / i;
        return result;
    }

    private static double[][] Sample(IReadOnlyList<double[]> rows, int size, Generator random)
    {
        var index = Enumerable.Range(0, rows.Count).ToArray();
        int count = Math.Min(size, rows.Count);
        if (count < rows.Count)
            for (int i = 0; i < count; i++)
            {
                int pick = i + random.NextInt(rows.Count - i);
                (index[i], index[pick]) = (index[pick], index[i]);
            }
        return [.. index.Take(count).Select(i => (double[])rows[i].Clone())];
    }
}
