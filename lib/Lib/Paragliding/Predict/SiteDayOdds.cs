namespace Lib.Paragliding.Predict;

/// <summary>One scored pair: the site, the day, and the calibrated P(flight &gt; t_k) per threshold.</summary>
public sealed record SiteDayOdds(string SiteId, DateOnly Date, IReadOnlyList<double> Probabilities);
