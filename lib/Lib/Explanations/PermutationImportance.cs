using Lib.Storage;
using Lib.Tensors;
using Lib.Workflow;
using Microsoft.Data.Analysis;

namespace Lib.Explanations;

/// <summary>
/// Permutation feature importance (Breiman 2001; scikit-learn's <c>permutation_importance</c>) for any predictor over
/// a feature matrix: the loss on the data as given, and for each feature the rise in loss when that feature's column
/// is shuffled (the other columns and the targets kept), over seeded repeats.
/// </summary>
/// <param name="BaselineLoss">The loss with no column shuffled.</param>
/// <param name="Features">One entry per feature, in the matrix's column order.</param>
public sealed record PermutationImportance(double BaselineLoss, IReadOnlyList<FeatureImportance> Features)
{
    /// <summary>Computes the importances.</summary>
    /// <param name="predict">The predictor: one prediction per row (a model's batch predict, a baseline …).</param>
    /// <param name="rows">The feature matrix, one row per sample (held-out data, not the training set).</param>
    /// <param name="targets">The true value per row.</param>
    /// <param name="featureNames">One name per column.</param>
    /// <param name="loss">
    /// The loss of (predictions, targets), lower is better; the mean absolute error
    /// (<see cref="RegressionMetrics.MeanAbsoluteError"/>) when left out.
    /// </param>
    /// <param name="repeats">Shuffles per feature.</param>
    /// <param name="seed">Seeds the shuffles: the same seed gives the same importances.</param>
    /// <exception cref="ArgumentException">
    /// A row's width differs from the names, the targets' count from the rows', or fewer than one repeat.
    /// </exception>
    public static PermutationImportance Compute(
        Func<double[][], double[]> predict,
        IReadOnlyList<double[]> rows,
        IReadOnlyList<double> targets,
        IReadOnlyList<string> featureNames,
        Func<IReadOnlyList<double>, IReadOnlyList<double>, double>? loss = null,
        int repeats = 5,
        long seed = 0
    )
    {
        ArgumentNullException.ThrowIfNull(predict);
        ArgumentNullException.ThrowIfNull(targets);
        FeatureRows.Check(rows, featureNames, nameof(rows));
        if (targets.Count != rows.Count)
            throw new ArgumentException($"{targets.Count} targets for {rows.Count} rows.", nameof(targets));
        ArgumentOutOfRangeException.ThrowIfLessThan(repeats, 1);
        loss ??= RegressionMetrics.MeanAbsoluteError;
        var data = rows.Select(r => (double[])r.Clone()).ToArray();
        double baseline = loss(FeatureRows.Predict(predict, data), targets);
        var random = new Generator(seed);
        var features = new List<FeatureImportance>();
        for (int j = 0; j < featureNames.Count; j++)
        {
            var column = data.Select(r => r[j]).ToArray();
            var rises = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                var shuffled = (double[])column.Clone();
                for (int i = shuffled.Length - 1; i > 0; i--)
                {
                    int k = random.NextInt(i + 1);
                    (shuffled[i], shuffled[k]) = (shuffled[k], shuffled[i]);
                }
                for (int i = 0; i < data.Length; i++)
                    data[i][j] = shuffled[i];
                rises[r] = loss(FeatureRows.Predict(predict, data), targets) - baseline;
            }
            for (int i = 0; i < data.Length; i++)
                data[i][j] = column[i];
            double mean = rises.Average();
            double sd = Math.Sqrt(rises.Sum(v => (v - mean) * (v - mean)) / repeats);
            features.Add(new FeatureImportance(featureNames[j], mean, sd, rises));
        }
        return new PermutationImportance(baseline, features);
    }

    /// <summary>The features as a table (feature, mean rise, standard deviation), most important first.</summary>
    public DataFrame ToDataFrame() =>
        Features
            .OrderByDescending(f => f.Mean)
            .Select(f => new
            {
                feature = f.Feature,
                importance = f.Mean,
                std = f.StandardDeviation,
            })
            .ToDataFrame();
}
