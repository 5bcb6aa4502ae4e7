using Lib.Paragliding.Domain;

namespace Lib.Paragliding.Dataset;

/// <summary>
/// The static features of a site: the launch's altitude, latitude and longitude, and the suitability of each of the
/// eight wind sectors (0, 1, 2 from the site list; all 0 when the launch is not in the list). Scaled by a
/// <see cref="FeatureScaler"/> fitted on training days.
/// </summary>
public static class SiteFeatures
{
    /// <summary>The feature names in order.</summary>
    public static IReadOnlyList<string> Names { get; } =
    ["altitude_m", "lat", "lon", .. WindSectors.Names.Select(n => "wind_" + n)];

    /// <summary>The raw features of <paramref name="site"/> (which must have coordinates).</summary>
    public static float[] Of(TakeoffSite site, LaunchSite? launch)
    {
        ArgumentNullException.ThrowIfNull(site);
        if (!site.HasCoordinates)
            throw new ArgumentException($"Site {site.SiteId} ('{site.Takeoff}') has no coordinates.", nameof(site));
        var f = new float[Names.Count];
        f[0] = (float)(site.AltitudeM ?? launch?.AltitudeM ?? 0);
        f[1] = (float)site.Latitude!.Value;
        f[2] = (float)site.Longitude!.Value;
        for (int i = 0; i < WindSectors.Names.Count; i++)
            f[3 + i] = launch is null ? 0 : launch.Wind[i];
        return f;
    }
}
