using Lib.Climbing.Ingest;

namespace Lib.Climbing.Evaluate;

/// <summary>Something that grades routes: the Transformer or a baseline.</summary>
public interface IGradePredictor
{
    /// <summary>The name used in tables and charts.</summary>
    string Name { get; }

    /// <summary>The predicted difficulty of each route.</summary>
    double[] Predict(IReadOnlyList<Route> routes);
}
