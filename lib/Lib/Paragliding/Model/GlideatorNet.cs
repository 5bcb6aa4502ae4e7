using Lib.Paragliding.Dataset;
using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Paragliding.Model;

/// <summary>
/// Glideator's network (<c>ExpandedGlideatorNet</c>, MIT): a site embedding; per time slice (09, 12, 15 h with
/// weather, one slice without) the slice's weather, the site features, the embedding and the date features
/// concatenated, x_t [B, D]; a DCN-V2 cross network and a parallel deep network, both shared over the slices, on each
/// x_t; their outputs concatenated over the slices into a main deep network; a multilabel head (one logit per
/// threshold) or the <see cref="OrdinalHead"/>. Returns logits [B, K]; σ gives P(distance &gt; t_k). Keys follow
/// Glideator's (<c>launch_embedding.weight</c>, <c>cross_net.layers.0.weight</c>, <c>parallel_deep_net.0.weight</c>,
/// <c>deep_net.0.weight</c>, <c>prediction_head.weight</c>).
/// </summary>
public sealed class GlideatorNet : Module<SiteDayBatch, Tensor>
{
    /// <summary>Builds the network, drawing every weight from <paramref name="generator"/> in order.</summary>
    public GlideatorNet(GlideatorNetConfig config, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        LaunchEmbedding = RegisterModule(
            "launch_embedding",
            new Embedding(config.NumSites, config.EmbeddingDim, generator)
        );
        CrossNet = RegisterModule("cross_net", new CrossNetwork(config.SliceInput, config.CrossLayers, generator));
        int slice = config.SliceInput;
        if (config.ParallelDeep.Count > 0)
        {
            ParallelDeepNet = RegisterModule(
                "parallel_deep_net",
                Mlp(config.SliceInput, config.ParallelDeep, generator)
            );
            slice += config.ParallelDeep[^1];
        }
        DeepNet = RegisterModule("deep_net", Mlp(config.TimeSlices * slice, config.Deep, generator));
        if (config.Head == GlideatorNetConfig.OrdinalHead)
            Ordinal = RegisterModule("prediction_head", new OrdinalHead(config.Deep[^1], config.NumTargets, generator));
        else
            Multilabel = RegisterModule("prediction_head", new Linear(config.Deep[^1], config.NumTargets, generator));
    }

    /// <summary>The arguments.</summary>
    public GlideatorNetConfig Config { get; }

    /// <summary>The site embedding [sites, E].</summary>
    public Embedding LaunchEmbedding { get; }

    /// <summary>The cross network shared by the slices.</summary>
    public CrossNetwork CrossNet { get; }

    /// <summary>The parallel deep network shared by the slices, or null.</summary>
    public Sequential? ParallelDeepNet { get; }

    /// <summary>The main deep network.</summary>
    public Sequential DeepNet { get; }

    /// <summary>The multilabel head (one logit per threshold), or null with the ordinal head.</summary>
    public Linear? Multilabel { get; }

    /// <summary>The ordinal head, or null.</summary>
    public OrdinalHead? Ordinal { get; }

    private static Sequential Mlp(int input, IReadOnlyList<int> widths, Generator generator)
    {
        var layers = new List<Module<Tensor, Tensor>>();
        foreach (int w in widths)
        {
            layers.Add(new Linear(input, w, generator));
            layers.Add(new ReLU());
            input = w;
        }
        return new Sequential(layers);
    }

    /// <summary>One slice's input x_t [B, D]: weather of hour <paramref name="slice"/>, site, embedding,
    /// date.</summary>
    public Tensor SliceInput(SiteDayBatch batch, Tensor embedded, int slice)
    {
        int w = Config.WeatherVariables;
        List<Tensor> parts = [];
        if (w > 0)
        {
            var weather = batch.Weather
                ?? throw new ArgumentException("The model reads weather, but the batch has none.", nameof(batch));
            if (weather.Shape[1] != 3 * w)
                throw new ArgumentException(
                    $"The model reads {w} weather variables per hour; the batch has {weather.Shape[1]} values (3 × W)."
                );
            parts.Add(weather.Narrow(1, slice * w, w)); // [B, W]
        }
        parts.Add(batch.SiteFeatures); // [B, S]
        parts.Add(embedded); // [B, E]
        parts.Add(batch.Date); // [B, Dd]
        return Tensor.Cat(parts, 1); // [B, D]
    }

    /// <summary>The batch → logits [B, K].</summary>
    public override Tensor Forward(SiteDayBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var embedded = LaunchEmbedding.Forward(batch.Site); // [B, E]
        var slices = new List<Tensor>(Config.TimeSlices);
        for (int t = 0; t < Config.TimeSlices; t++)
        {
            var x = SliceInput(batch, embedded, t); // [B, D]
            var cross = CrossNet.Forward(x); // [B, D]
            slices.Add(ParallelDeepNet is null ? cross : Tensor.Cat([cross, ParallelDeepNet.Forward(x)], 1));
        }
        var h = DeepNet.Forward(slices.Count == 1 ? slices[0] : Tensor.Cat(slices, 1)); // [B, H]
        return Ordinal is not null ? Ordinal.Forward(h) : Multilabel!.Forward(h); // [B, K]
    }
}
