namespace Lib.Paragliding.Dataset;

/// <summary>
/// One sample: a site on a day. <see cref="SiteIndex"/> is the site's row in the embedding; <see cref="Site"/> and
/// <see cref="Weather"/> are scaled (by the training days' scalers), <see cref="DateFeatures"/> are raw;
/// <see cref="Weather"/> is [3 × W] (the 09, 12 and 15 h slices, W variables each; empty without weather);
/// <see cref="Labels"/> is 1/0 per <see cref="Domain.DistanceThresholds"/> threshold; <see cref="MaxKm"/> is the
/// longest listed flight from the site that day (0 when none).
/// </summary>
public sealed record SiteDay(
    string SiteId,
    int SiteIndex,
    DateOnly Date,
    float[] Site,
    float[] DateFeatures,
    float[] Weather,
    float[] Labels,
    double MaxKm
)
{
    /// <summary>The sample's key in shards and tables (<c>cfd01_2016-09-01</c>).</summary>
    public string Key => $"{SiteId}_{Date:yyyy-MM-dd}";
}
