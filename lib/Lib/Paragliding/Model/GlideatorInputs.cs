using Lib.Paragliding.Dataset;
using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Model;

/// <summary>
/// What prediction needs besides the weights: the sites in embedding order (id, takeoff, coordinates) with their
/// scaled features, the scalers fitted on the training weeks, the feature names, the weather variables (empty when
/// the model reads none), the thresholds, and the calibration fitted on the validation weeks (null before it is
/// fitted).
/// </summary>
public sealed record GlideatorInputs
{
    /// <summary>The sites, row i of the embedding being Sites[i].</summary>
    public required IReadOnlyList<TakeoffSite> Sites { get; init; }

    /// <summary>Each site's scaled features, in <see cref="Sites"/> order.</summary>
    public required IReadOnlyList<float[]> SiteFeatures { get; init; }

    /// <summary>The site features' scaler (training weeks).</summary>
    public required FeatureScaler SiteScaler { get; init; }

    /// <summary>The weather scaler (training weeks), or null without weather.</summary>
    public FeatureScaler? WeatherScaler { get; init; }

    /// <summary>The weather variables per hour (W), in order.</summary>
    public IReadOnlyList<string> WeatherVariables { get; init; } = [];

    /// <summary>The date features' names (checked against <see cref="DateFeatures.Names"/> on load).</summary>
    public required IReadOnlyList<string> DateFeatureNames { get; init; }

    /// <summary>The thresholds, km.</summary>
    public IReadOnlyList<int> ThresholdsKm { get; init; } = DistanceThresholds.Km;

    /// <summary>The calibration fitted on the validation weeks.</summary>
    public ThresholdCalibration? Calibration { get; init; }
}
