namespace Lib.Explanations;

/// <summary>The checks on a feature matrix, with errors naming the row and what was expected.</summary>
internal static class FeatureRows
{
    /// <summary>Throws unless every row has one value per feature name.</summary>
    public static void Check(IReadOnlyList<double[]> rows, IReadOnlyList<string> featureNames, string parameter)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(featureNames);
        if (featureNames.Count == 0)
            throw new ArgumentException("Expected at least one feature name.", nameof(featureNames));
        for (int i = 0; i < rows.Count; i++)
            if (rows[i] is null || rows[i].Length != featureNames.Count)
                throw new ArgumentException(
                    $"Row {i} of {parameter} has {rows[i]?.Length ?? 0} values: expected {featureNames.Count}, "
                        + "one per feature name.",
                    parameter
                );
    }

    /// <summary>Calls the predictor and checks it gave one prediction per row.</summary>
    public static double[] Predict(Func<double[][], double[]> predict, double[][] rows)
    {
        var predictions = predict(rows);
        if (predictions is null || predictions.Length != rows.Length)
            throw new InvalidOperationException(
                $"The predictor returned {predictions?.Length ?? 0} predictions for {rows.Length} rows."
            );
        return predictions;
    }
}
