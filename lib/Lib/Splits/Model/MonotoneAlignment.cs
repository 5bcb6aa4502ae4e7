namespace Lib.Splits.Model;

/// <summary>
/// Dynamic time warping: the monotone path through a cost matrix from its first cell to its last that minimises the
/// summed cost, with the symmetric step weights of Sakoe and Chiba (a diagonal step pays its cell twice, a horizontal
/// or vertical step once), so a path's total does not depend on how many cells it visits. Every source frame and
/// every target frame is on the path and both indices never decrease: it is a dynamic program over all candidates
/// at once under the constraint that they increase.
/// </summary>
public static class MonotoneAlignment
{
    /// <summary>
    /// The path through <paramref name="cost"/> (<paramref name="rows"/> × <paramref name="columns"/>, row-major:
    /// <c>cost[i · columns + j]</c> is the cost of source frame i at target frame j), from (0, 0) to
    /// (rows − 1, columns − 1), as (source, target) pairs in order.
    /// </summary>
    /// <exception cref="ArgumentException">Sizes that disagree with the matrix, or a cost that is not
    /// finite.</exception>
    public static IReadOnlyList<(int Source, int Target)> Align(float[] cost, int rows, int columns)
    {
        ArgumentNullException.ThrowIfNull(cost);
        if (rows <= 0 || columns <= 0 || cost.Length != (long)rows * columns)
            throw new ArgumentException(
                $"A {rows} × {columns} alignment needs {(long)rows * columns} costs; got {cost.Length}."
            );
        for (int i = 0; i < cost.Length; i++)
            if (!float.IsFinite(cost[i]))
                throw new ArgumentException(
                    $"The cost of source frame {i / columns} at target frame {i % columns} is {cost[i]}."
                );
        var total = new double[rows * columns];
        var step = new byte[rows * columns]; // 0 diagonal, 1 from the previous source frame, 2 from the previous target
        for (int i = 0; i < rows; i++)
        for (int j = 0; j < columns; j++)
        {
            int at = i * columns + j;
            double c = cost[at];
            if (i == 0 && j == 0)
            {
                total[at] = c;
                continue;
            }
            double diagonal = i > 0 && j > 0 ? total[at - columns - 1] + 2 * c : double.PositiveInfinity;
            double up = i > 0 ? total[at - columns] + c : double.PositiveInfinity;
            double left = j > 0 ? total[at - 1] + c : double.PositiveInfinity;
            if (diagonal <= up && diagonal <= left)
                (total[at], step[at]) = (diagonal, 0);
            else if (up <= left)
                (total[at], step[at]) = (up, 1);
            else
                (total[at], step[at]) = (left, 2);
        }
        var path = new List<(int, int)>(rows + columns);
        int r = rows - 1,
            s = columns - 1;
        while (true)
        {
            path.Add((r, s));
            if (r == 0 && s == 0)
                break;
            switch (step[r * columns + s])
            {
                case 0:
                    r--;
                    s--;
                    break;
                case 1:
                    r--;
                    break;
                default:
                    s--;
                    break;
            }
        }
        path.Reverse();
        return path;
    }

    /// <summary>The mean target frame on <paramref name="path"/> of each of the <paramref name="rows"/> source
    /// frames.</summary>
    public static double[] TargetOfSource(IReadOnlyList<(int Source, int Target)> path, int rows)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sum = new double[rows];
        var count = new int[rows];
        foreach (var (i, j) in path)
        {
            sum[i] += j;
            count[i]++;
        }
        for (int i = 0; i < rows; i++)
            sum[i] = count[i] > 0 ? sum[i] / count[i] : double.NaN;
        return sum;
    }

    /// <summary>The mean source frame on <paramref name="path"/> of each of the <paramref name="columns"/> target
    /// frames.</summary>
    public static double[] SourceOfTarget(IReadOnlyList<(int Source, int Target)> path, int columns)
    {
        ArgumentNullException.ThrowIfNull(path);
        return TargetOfSource([.. path.Select(p => (p.Target, p.Source))], columns);
    }
}
