namespace Lib.Paragliding.Model;

/// <summary>
/// The arguments of a <see cref="GlideatorNet"/> (Glideator's <c>ExpandedGlideatorNet</c>): the number of sites,
/// the widths of the site, date and per-hour weather features, the site embedding's width, the cross layers, the
/// parallel deep network's and the main deep network's hidden widths, the number of thresholds, and the head
/// (<c>multilabel</c>: one sigmoid per threshold; <c>ordinal</c>: one score against ordered cut points).
/// </summary>
public sealed record GlideatorNetConfig
{
    /// <summary>Sites (embedding rows).</summary>
    public int NumSites { get; init; }

    /// <summary>Site features per sample.</summary>
    public int SiteFeatures { get; init; }

    /// <summary>Date features per sample.</summary>
    public int DateFeatures { get; init; }

    /// <summary>Weather variables per hour (W; 0 without weather).</summary>
    public int WeatherVariables { get; init; }

    /// <summary>The site embedding's width.</summary>
    public int EmbeddingDim { get; init; } = 8;

    /// <summary>Cross layers (DCN-V2, full rank), shared over the time slices.</summary>
    public int CrossLayers { get; init; } = 2;

    /// <summary>Hidden widths of the parallel deep network beside the cross network (empty: none).</summary>
    public IReadOnlyList<int> ParallelDeep { get; init; } = [32];

    /// <summary>Hidden widths of the main deep network over the concatenated slices.</summary>
    public IReadOnlyList<int> Deep { get; init; } = [64, 32];

    /// <summary>Thresholds (outputs).</summary>
    public int NumTargets { get; init; } = 9;

    /// <summary><c>multilabel</c> or <c>ordinal</c>.</summary>
    public string Head { get; init; } = MultilabelHead;

    /// <summary>The multilabel head's name.</summary>
    public const string MultilabelHead = "multilabel";

    /// <summary>The ordinal head's name.</summary>
    public const string OrdinalHead = "ordinal";

    /// <summary>Time slices: 3 (09, 12, 15 h) with weather; 1 without (three identical slices would add
    /// nothing).</summary>
    public int TimeSlices => WeatherVariables > 0 ? 3 : 1;

    /// <summary>The width of one slice's input: weather, site features, embedding, date.</summary>
    public int SliceInput => WeatherVariables + SiteFeatures + EmbeddingDim + DateFeatures;

    /// <summary>Throws when a setting is out of range.</summary>
    public void Validate()
    {
        if (NumSites < 1 || SiteFeatures < 0 || DateFeatures < 0 || WeatherVariables < 0 || EmbeddingDim < 1)
            throw new ArgumentException(
                $"GlideatorNet needs ≥ 1 site and embedding width, non-negative feature widths; got sites {NumSites}, "
                    + $"site {SiteFeatures}, date {DateFeatures}, weather {WeatherVariables}, embedding {EmbeddingDim}."
            );
        if (CrossLayers < 1 || Deep.Count == 0 || Deep.Concat(ParallelDeep).Any(w => w < 1) || NumTargets < 1)
            throw new ArgumentException(
                "GlideatorNet needs ≥ 1 cross layer, ≥ 1 deep layer, positive widths and ≥ 1 target."
            );
        if (Head is not (MultilabelHead or OrdinalHead))
            throw new ArgumentException($"head '{Head}', expected '{MultilabelHead}' or '{OrdinalHead}'.");
    }
}
