namespace Lib.Workflow;

/// <summary>Solves a small dense linear system A x = b by Gaussian elimination with partial pivoting: the one solver of
/// the library (KernelSHAP's weighted least squares, climbing's ridge baseline).</summary>
internal static class LinearSystem
{
    /// <summary>x with A x = b; A and b are overwritten.</summary>
    /// <exception cref="InvalidOperationException">A is singular (to working precision).</exception>
    public static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        double scale = 0;
        for (int i = 0; i < n; i++)
        for (int j = 0; j < n; j++)
            scale = Math.Max(scale, Math.Abs(a[i, j]));
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++)
                if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col]))
                    pivot = r;
            if (Math.Abs(a[pivot, col]) <= 1e-12 * scale)
                throw new InvalidOperationException($"The {n}×{n} linear system is singular (column {col}).");
            if (pivot != col)
            {
                for (int j = 0; j < n; j++)
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (int r = col + 1; r < n; r++)
            {
                double f = a[r, col] / a[col, col];
                for (int j = col; j < n; j++)
                    a[r, j] -= f * a[col, j];
                b[r] -= f * b[col];
            }
        }
        var x = new double[n];
        for (int i = n - 1; i >= 0; i--)
        {
            double s = b[i];
            for (int j = i + 1; j < n; j++)
                s -= a[i, j] * x[j];
            x[i] = s / a[i, i];
        }
        return x;
    }
}
