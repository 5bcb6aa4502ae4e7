using Lib.Track.Dataset;
using Lib.Track.Model;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch.nn.utils.rnn;

namespace Lib.Torch.Track;

/// <summary>
/// The TorchSharp twin of <see cref="HierarchicalLstm"/>: the same season LSTM over each season's marks (packed by
/// length, so its last state is the season's last real mark), season-label embedding, across-season LSTM over the last
/// K seasons and per-event heads (<see cref="EventHeadsTwin"/>), with the engine's state-dict keys
/// (<c>season_lstm.*</c>, <c>label_embedding.weight</c>, <c>across_lstm.*</c>, <c>heads.*</c>), so
/// <see cref="TorchState"/> and the engine's safetensors move weights both ways.
/// </summary>
public sealed class HierarchicalLstmTwin : torch.nn.Module
{
    private readonly LSTM _seasonLstm,
        _acrossLstm;
    private readonly Embedding _labels;
    private readonly Dropout _dropout;
    private readonly EventHeadsTwin _heads;

    /// <summary>A twin of the engine model of <paramref name="config"/> with <paramref name="events"/> heads (weights
    /// are PyTorch's initialisation until copied from the engine model).</summary>
    public HierarchicalLstmTwin(TrackModelConfig config, int events)
        : base(nameof(HierarchicalLstm))
    {
        ArgumentNullException.ThrowIfNull(config);
        Config = config.Validate();
        _seasonLstm = torch.nn.LSTM(WindowEncoder.Features, config.SeasonHidden, batchFirst: true);
        _labels = torch.nn.Embedding(HierarchicalLstm.Labels, config.LabelEmbedding);
        _acrossLstm = torch.nn.LSTM(config.SeasonHidden + config.LabelEmbedding, config.AcrossHidden, batchFirst: true);
        _dropout = torch.nn.Dropout(config.Dropout);
        _heads = new EventHeadsTwin(config.Head, events, config.HeadInput, config.SharedHead);
        register_module("season_lstm", _seasonLstm);
        register_module("label_embedding", _labels);
        register_module("across_lstm", _acrossLstm);
        register_module("dropout", _dropout);
        register_module("heads", _heads);
    }

    /// <summary>Registers nothing by field name: every component is registered explicitly under the engine's
    /// key.</summary>
    protected override void RegisterComponents() { }

    /// <summary>The twin of an engine model: the same shape and a copy of its weights.</summary>
    public static HierarchicalLstmTwin Of(HierarchicalLstm engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var twin = new HierarchicalLstmTwin(engine.Config, engine.Events);
        TorchState.CopyToTorch(engine, twin);
        return twin;
    }

    /// <summary>The model's shape.</summary>
    public TrackModelConfig Config { get; }

    /// <summary>The forecast of each window of the batch in z-space: [N].</summary>
    public torch.Tensor forward(TorchTrackBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        long n = batch.Size,
            k = Config.Seasons;
        if (batch.SeasonSlots.numel() != n * k)
            throw new ArgumentException(
                $"The batch was collated for {batch.SeasonSlots.numel() / n} seasons per window; the model reads {k}.",
                nameof(batch)
            );
        using var marks = pack_padded_sequence(
            batch.Marks,
            batch.MarkLengths,
            batch_first: true,
            enforce_sorted: false
        );
        var (seasonOut, hSeason, _) = _seasonLstm.call(marks); // h_n [1, S, H1]
        seasonOut.Dispose();
        var seasons = hSeason[-1]; // [S, H1]
        var padded = torch.cat([seasons, seasons.new_zeros(1, Config.SeasonHidden)], 0); // [S + 1, H1]
        var slots = padded.index_select(0, batch.SeasonSlots).reshape(n, k, Config.SeasonHidden); // [N, K, H1]
        var labels = _labels.call(batch.SeasonLabels).reshape(n, k, Config.LabelEmbedding); // [N, K, E]
        using var history = pack_padded_sequence(
            torch.cat([slots, labels], 2),
            batch.SeasonCounts,
            batch_first: true,
            enforce_sorted: false
        );
        var (acrossOut, hAcross, _) = _acrossLstm.call(history); // h_n [1, N, H2]
        acrossOut.Dispose();
        var head = torch.cat([hAcross[-1], _labels.call(batch.TargetLabels), batch.Summary], 1); // [N, D]
        return batch.Base + _heads.forward(head, batch.Events, _dropout); // [N]
    }
}
