namespace Lib.Splits.Model;

/// <summary>
/// Chooses one candidate per point so that the chosen positions increase, maximising the summed score: dynamic
/// programming over the candidates, O(points × candidates) with a running maximum of the previous point's best
/// totals.
/// </summary>
public static class OrderedChoice
{
    /// <summary>
    /// The index into <paramref name="positions"/> chosen for each point: <paramref name="scores"/>[k][j] is point k's
    /// score at candidate j, candidates are at increasing <paramref name="positions"/>, and consecutive choices are at
    /// least <paramref name="minGap"/> apart in position.
    /// </summary>
    /// <exception cref="ArgumentException">Rows of another length than the positions, positions not increasing,
    /// or no increasing choice exists.</exception>
    public static int[] Choose(IReadOnlyList<float[]> scores, IReadOnlyList<int> positions, int minGap = 1)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(positions);
        int k = scores.Count,
            m = positions.Count;
        if (k == 0)
            return [];
        for (int j = 1; j < m; j++)
            if (positions[j] <= positions[j - 1])
                throw new ArgumentException("Candidate positions must increase.", nameof(positions));
        if (scores.Any(r => r.Length != m))
            throw new ArgumentException($"Every point needs a score for each of the {m} candidates.");
        var total = new double[k, m];
        var from = new int[k, m];
        for (int j = 0; j < m; j++)
            total[0, j] = scores[0][j];
        for (int p = 1; p < k; p++)
        {
            double best = double.NegativeInfinity;
            int bestAt = -1,
                q = 0;
            for (int j = 0; j < m; j++)
            {
                while (q < m && positions[q] <= positions[j] - minGap)
                {
                    if (total[p - 1, q] > best)
                    {
                        best = total[p - 1, q];
                        bestAt = q;
                    }
                    q++;
                }
                total[p, j] = bestAt < 0 ? double.NegativeInfinity : best + scores[p][j];
                from[p, j] = bestAt;
            }
        }
        int last = -1;
        double max = double.NegativeInfinity;
        for (int j = 0; j < m; j++)
            if (total[k - 1, j] > max)
            {
                max = total[k - 1, j];
                last = j;
            }
        if (last < 0)
            throw new ArgumentException(
                $"No increasing choice of {k} points among {m} candidates at least {minGap} apart."
            );
        var chosen = new int[k];
        chosen[k - 1] = last;
        for (int p = k - 1; p > 0; p--)
            chosen[p - 1] = from[p, chosen[p]];
        return chosen;
    }
}
