using Lib.Climbing.Model;
using Lib.Torch.NN;
using TorchSharp;
using TorchSharp.Modules;

namespace Lib.Torch.Climbing;

/// <summary>
/// The TorchSharp twin of <see cref="GradeTransformer"/>: token + learned position embeddings + a projection of the
/// token features, dropout, the pre-norm Transformer encoder with a final norm, and a linear head on the
/// <c>&lt;CLS&gt;</c> token, with the engine's state-dict keys (<c>token_embedding.weight</c>,
/// <c>position_embedding.weight</c>, <c>feature_projection.*</c>, <c>encoder.layers.N.*</c>, <c>encoder.norm.*</c>,
/// <c>head.*</c>).
/// </summary>
public sealed class GradeTransformerTwin : torch.nn.Module
{
    private readonly Embedding _tokens,
        _positions;
    private readonly Linear _features,
        _head;
    private readonly Dropout _dropout;
    private readonly TransformerEncoderTwin _encoder;

    /// <summary>A twin of the engine model of <paramref name="config"/>, with TorchSharp's default initialisation;
    /// <see cref="Of"/> builds one holding an engine model's weights.</summary>
    public GradeTransformerTwin(GradeTransformerConfig config)
        : base(nameof(GradeTransformer))
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        _tokens = torch.nn.Embedding(config.VocabSize, config.DModel, padding_idx: 0);
        _positions = torch.nn.Embedding(config.MaxLength, config.DModel);
        _features = torch.nn.Linear(config.FeatureCount, config.DModel);
        _dropout = torch.nn.Dropout(config.Dropout);
        _encoder = new TransformerEncoderTwin(
            Enumerable
                .Range(0, config.NumLayers)
                .Select(_ => new TransformerEncoderLayerTwin(
                    config.DModel,
                    config.NHead,
                    config.DimFeedforward,
                    config.Dropout,
                    config.Activation,
                    normFirst: true
                )),
            torch.nn.LayerNorm([config.DModel])
        );
        _head = torch.nn.Linear(config.DModel, 1);
        register_module("token_embedding", _tokens);
        register_module("position_embedding", _positions);
        register_module("feature_projection", _features);
        register_module("embedding_dropout", _dropout);
        register_module("encoder", _encoder);
        register_module("head", _head);
    }

    /// <summary>The twin of an engine model: the same shape and a copy of its weights.</summary>
    public static GradeTransformerTwin Of(GradeTransformer engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        var twin = new GradeTransformerTwin(engine.Config);
        TorchState.CopyToTorch(engine, twin);
        return twin;
    }

    /// <summary>The arguments the model was built with.</summary>
    public GradeTransformerConfig Config { get; }

    /// <summary>Registers nothing by field name (every component has the engine's key).</summary>
    protected override void RegisterComponents() { }

    /// <summary>The standardised difficulty of each route of the batch: [B].</summary>
    public torch.Tensor forward(TorchRouteBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        long b = batch.Ids.shape[0],
            t = batch.Ids.shape[1];
        if (t > Config.MaxLength)
            throw new ArgumentException(
                $"A route of {t} tokens is longer than the {Config.MaxLength} the model reads.",
                nameof(batch)
            );
        var positions = torch.arange(t, torch.int64, batch.Ids.device);
        var x = _tokens.call(batch.Ids) + _positions.call(positions) + _features.call(batch.Features); // [B, T, D]
        x = _encoder.forward(_dropout.call(x), batch.Mask); // [B, T, D]
        var cls = x.select(1, 0); // [B, D]
        return _head.call(cls).reshape(b); // [B]
    }
}
