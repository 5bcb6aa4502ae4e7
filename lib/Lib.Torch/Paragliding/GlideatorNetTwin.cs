using Lib.Paragliding.Model;
using Lib.Torch.NN;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lib.Torch.Paragliding;

/// <summary>
/// The TorchSharp twin of <see cref="GlideatorNet"/>: the site embedding, per time slice the slice's weather, site
/// features, embedding and date features through the shared cross network and parallel deep network, the slices
/// concatenated into the main deep network, and the multilabel or ordinal head → logits [B, K]. Same keys
/// (<c>launch_embedding.weight</c>, <c>cross_net.layers.N.*</c>, <c>parallel_deep_net.N.*</c>, <c>deep_net.N.*</c>,
/// <c>prediction_head.*</c>).
/// </summary>
public sealed class GlideatorNetTwin : nn.Module<SiteDayTensors, Tensor>
{
    // Field names are the state-dict keys: RegisterComponents() registers fields by name (null ones not at all).
    private readonly Embedding launch_embedding;
    private readonly CrossNetworkTwin cross_net;
    private readonly Sequential? parallel_deep_net;
    private readonly Sequential deep_net;
    private readonly nn.Module<Tensor, Tensor> prediction_head;

    /// <summary>Builds the twin of <paramref name="config"/> (weights: copy the engine's in with
    /// <see cref="TorchState"/>).</summary>
    public GlideatorNetTwin(GlideatorNetConfig config)
        : base(nameof(GlideatorNetTwin))
    {
        ArgumentNullException.ThrowIfNull(config);
        config.Validate();
        Config = config;
        launch_embedding = nn.Embedding(config.NumSites, config.EmbeddingDim);
        cross_net = new CrossNetworkTwin(config.SliceInput, config.CrossLayers);
        int slice = config.SliceInput;
        if (config.ParallelDeep.Count > 0)
        {
            parallel_deep_net = Mlp(config.SliceInput, config.ParallelDeep);
            slice += config.ParallelDeep[^1];
        }
        deep_net = Mlp(config.TimeSlices * slice, config.Deep);
        prediction_head =
            config.Head == GlideatorNetConfig.OrdinalHead
                ? new OrdinalHeadTwin(config.Deep[^1], config.NumTargets)
                : nn.Linear(config.Deep[^1], config.NumTargets);
        RegisterComponents();
    }

    /// <summary>The arguments.</summary>
    public GlideatorNetConfig Config { get; }

    private static Sequential Mlp(int input, IReadOnlyList<int> widths)
    {
        var layers = new List<nn.Module<Tensor, Tensor>>();
        foreach (int w in widths)
        {
            layers.Add(nn.Linear(input, w));
            layers.Add(nn.ReLU());
            input = w;
        }
        return nn.Sequential([.. layers]);
    }

    /// <summary>The batch → logits [B, K].</summary>
    public override Tensor forward(SiteDayTensors batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var embedded = launch_embedding.forward(batch.Site); // [B, E]
        int w = Config.WeatherVariables;
        if (w > 0 && (batch.Weather is null || batch.Weather.shape[1] != 3 * w))
            throw new ArgumentException(
                $"The model reads {w} weather variables per hour (3 × {w} values); the batch has "
                    + (batch.Weather is null ? "none." : $"{batch.Weather.shape[1]}.")
            );
        var slices = new List<Tensor>(Config.TimeSlices);
        for (int t = 0; t < Config.TimeSlices; t++)
        {
            List<Tensor> parts = [];
            if (w > 0)
                parts.Add(batch.Weather!.narrow(1, t * w, w)); // [B, W]
            parts.Add(batch.SiteFeatures);
            parts.Add(embedded);
            parts.Add(batch.Date);
            var x = cat(parts, 1); // [B, D]
            var cross = cross_net.forward(x);
            slices.Add(parallel_deep_net is null ? cross : cat([cross, parallel_deep_net.forward(x)], 1));
        }
        var h = deep_net.forward(slices.Count == 1 ? slices[0] : cat(slices, 1)); // [B, H]
        return prediction_head.forward(h); // [B, K]
    }
}
