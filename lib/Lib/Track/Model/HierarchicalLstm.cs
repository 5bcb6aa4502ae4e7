using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Track.Dataset;
using Lib.Track.Domain;

namespace Lib.Track.Model;

/// <summary>
/// The track forecaster: a season LSTM reads each input season's marks (z-score, days since the previous mark, wind)
/// and
/// summarises the season in its last hidden state; each summary is joined with the season's label embedding and an
/// across-season LSTM reads the last K seasons oldest first; its last state, the embedding of the label forecast and
/// two
/// summary features go through the event's head, whose output is the change in z-space from the residual base
/// (<see cref="TrackModelConfig.Residual"/>). State-dict keys: <c>season_lstm.*</c>, <c>label_embedding.weight</c>,
/// <c>across_lstm.*</c>, <c>heads.*</c>.
/// </summary>
public sealed class HierarchicalLstm : Module
{
    private readonly LSTM _seasonLstm;
    private readonly Embedding _labels;
    private readonly LSTM _acrossLstm;
    private readonly Dropout _dropout;
    private readonly EventHeads _heads;

    /// <summary>The number of season labels (indoor, outdoor, cross country).</summary>
    public const int Labels = 3;

    /// <summary>A model of <paramref name="config"/> with <paramref name="events"/> heads, initialised from
    /// <paramref name="generator"/> (which also drives dropout).</summary>
    public HierarchicalLstm(TrackModelConfig config, int events, Generator generator)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(generator);
        Config = config.Validate();
        _seasonLstm = RegisterModule(
            "season_lstm",
            new LSTM(WindowEncoder.Features, config.SeasonHidden, generator, batchFirst: true)
        );
        _labels = RegisterModule("label_embedding", new Embedding(Labels, config.LabelEmbedding, generator));
        _acrossLstm = RegisterModule(
            "across_lstm",
            new LSTM(config.SeasonHidden + config.LabelEmbedding, config.AcrossHidden, generator, batchFirst: true)
        );
        _dropout = RegisterModule("dropout", new Dropout(generator, config.Dropout));
        _heads = RegisterModule(
            "heads",
            new EventHeads(config.Head, events, config.HeadInput, generator, config.SharedHead)
        );
    }

    /// <summary>The model's shape.</summary>
    public TrackModelConfig Config { get; }

    /// <summary>The number of event heads.</summary>
    public int Events => _heads.Events;

    /// <summary>The season LSTM (marks → a season summary).</summary>
    public LSTM SeasonLstm => _seasonLstm;

    /// <summary>The season-label embedding (indoor, outdoor, cross country).</summary>
    public Embedding LabelEmbedding => _labels;

    /// <summary>The across-season LSTM (season summaries → the history).</summary>
    public LSTM AcrossLstm => _acrossLstm;

    /// <summary>The per-event heads.</summary>
    public EventHeads Heads => _heads;

    /// <summary>The forecast of each window of the batch in z-space: [N].</summary>
    public Tensor Forward(TrackBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        int n = batch.Size,
            k = Config.Seasons;
        if (batch.SeasonSlots.NumEl != n * k)
            throw new ArgumentException(
                $"The batch was collated for {batch.SeasonSlots.NumEl / n} seasons per window; the model reads {k}.",
                nameof(batch)
            );
        var (_, hSeason, _) = _seasonLstm.Forward(batch.Marks, batch.MarkLengths); // h_n [1, S, H1]
        var seasons = _seasonLstm.LastLayerHidden(hSeason); // [S, H1]
        var padded = Tensor.Cat([seasons, Tensor.Zeros(1, Config.SeasonHidden)], 0); // [S + 1, H1]
        var slots = padded.IndexSelect(0, batch.SeasonSlots).Reshape(n, k, Config.SeasonHidden); // [N, K, H1]
        var labels = _labels.Forward(batch.SeasonLabels).Reshape(n, k, Config.LabelEmbedding); // [N, K, E]
        var (_, hAcross, _) = _acrossLstm.Forward(Tensor.Cat([slots, labels], 2), batch.SeasonCounts); // h_n [1, N, H2]
        var history = _acrossLstm.LastLayerHidden(hAcross); // [N, H2]
        var head = Tensor.Cat([history, _labels.Forward(batch.TargetLabels), batch.Summary], 1); // [N, D]
        return batch.Base.Add(_heads.Forward(head, batch.Events, _dropout)); // [N]
    }
}
