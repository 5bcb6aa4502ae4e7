using Lib.Paragliding.Model;

namespace Lib.Paragliding.Evaluate;

/// <summary>The learned site embeddings compared: cosine similarity, and each site's nearest neighbours.</summary>
public static class SiteEmbeddings
{
    /// <summary>The [sites, sites] cosine similarity of the embedding rows.</summary>
    public static double[][] Similarity(GlideatorModel model)
    {
        var w = model.Network.LaunchEmbedding.Weight;
        int n = w.Shape[0],
            d = w.Shape[1];
        var rows = Enumerable.Range(0, n).Select(i => w.Data.Slice(i * d, d).ToArray()).ToArray();
        var norms = rows.Select(r => Math.Sqrt(r.Sum(v => (double)v * v))).ToArray();
        return
        [
            .. rows.Select(
                (a, i) =>
                    rows.Select(
                            (b, j) =>
                                a.Zip(b).Sum(p => (double)p.First * p.Second) / Math.Max(norms[i] * norms[j], 1e-12)
                        )
                        .ToArray()
            ),
        ];
    }

    /// <summary>Each site's most similar other site (id, takeoff, neighbour, similarity).</summary>
    public static IReadOnlyList<(string SiteId, string Takeoff, string Nearest, double Similarity)> Nearest(
        GlideatorModel model
    )
    {
        var s = Similarity(model);
        var sites = model.Card.Inputs.Sites;
        return
        [
            .. sites.Select(
                (site, i) =>
                {
                    int j = Enumerable.Range(0, sites.Count).Where(j => j != i).MaxBy(j => s[i][j]);
                    return (site.SiteId, site.Takeoff, $"{sites[j].SiteId} {sites[j].Takeoff}", s[i][j]);
                }
            ),
        ];
    }
}
