namespace Lib.Probabilities;

/// <summary>
/// The pool-adjacent-violators algorithm: the weighted least-squares fit of a non-decreasing sequence to
/// <c>values</c> (in their given order), merging neighbouring blocks that violate the order into their weighted
/// mean. O(n).
/// </summary>
internal static class PoolAdjacentViolators
{
    /// <summary>The non-decreasing fit of <paramref name="values"/> with positive <paramref name="weights"/>.</summary>
    public static double[] Increasing(IReadOnlyList<double> values, IReadOnlyList<double> weights)
    {
        int n = values.Count;
        var mean = new double[n];
        var weight = new double[n];
        var size = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++)
        {
            mean[blocks] = values[i];
            weight[blocks] = weights[i];
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && mean[blocks - 2] > mean[blocks - 1])
            {
                int a = blocks - 2,
                    b = blocks - 1;
                double w = weight[a] + weight[b];
                mean[a] = (mean[a] * weight[a] + mean[b] * weight[b]) / w;
                weight[a] = w;
                size[a] += size[b];
                blocks--;
            }
        }
        var fit = new double[n];
        for (int block = 0, i = 0; block < blocks; block++)
        for (int k = 0; k < size[block]; k++)
            fit[i++] = mean[block];
        return fit;
    }

    /// <summary>The non-increasing fit of <paramref name="values"/>, equal weights.</summary>
    public static double[] Decreasing(IReadOnlyList<double> values)
    {
        var negated = values.Select(v => -v).ToArray();
        var fit = Increasing(negated, Enumerable.Repeat(1.0, negated.Length).ToArray());
        for (int i = 0; i < fit.Length; i++)
            fit[i] = -fit[i];
        return fit;
    }
}
