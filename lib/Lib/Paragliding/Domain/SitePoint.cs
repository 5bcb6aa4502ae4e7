namespace Lib.Paragliding.Domain;

/// <summary>A place to read weather at: a site id (<c>cfd01</c>), WGS-84 latitude and longitude in degrees.</summary>
public sealed record SitePoint(string SiteId, double Lat, double Lon);
