using Lib.Tensors;
using Lib.Tensors.NN;

namespace Lib.Climbing.Model;

/// <summary>
/// A BERT-style encoder that grades a route: each token's embedding plus a learned position embedding
/// plus a linear projection of its features (x, y, role flags, angle), dropout, a pre-norm Transformer
/// encoder with a final layer norm, and a linear regression head on the <c>&lt;CLS&gt;</c> token (position 0).
/// The output is the standardised difficulty. State-dict keys: <c>token_embedding.weight</c>,
/// <c>position_embedding.weight</c>, <c>feature_projection.*</c>, <c>encoder.layers.N.*</c>, <c>encoder.norm.*</c>,
/// <c>head.*</c>.
/// </summary>
public sealed class GradeTransformer : Module
{
    /// <summary>Builds the model with weights drawn from <paramref name="generator"/> (which also draws the dropout
    /// masks).</summary>
    public GradeTransformer(GradeTransformerConfig config, Generator generator)
    {
        Config = config ?? throw new ArgumentNullException(nameof(config));
        ArgumentNullException.ThrowIfNull(generator);
        TokenEmbedding = RegisterModule(
            "token_embedding",
            new Embedding(config.VocabSize, config.DModel, generator, paddingIdx: 0)
        );
        PositionEmbedding = RegisterModule(
            "position_embedding",
            new Embedding(config.MaxLength, config.DModel, generator)
        );
        // BERT's initialisation: N(0, 0.02) embeddings, so no single term swamps the sum at the start.
        Init.Normal(TokenEmbedding.Weight, generator, std: 0.02);
        TokenEmbedding.Weight.AsSpan()[..config.DModel].Clear();
        Init.Normal(PositionEmbedding.Weight, generator, std: 0.02);
        FeatureProjection = RegisterModule(
            "feature_projection",
            new Linear(config.FeatureCount, config.DModel, generator)
        );
        EmbeddingDropout = RegisterModule("embedding_dropout", new Dropout(generator, config.Dropout));
        Encoder = RegisterModule(
            "encoder",
            new TransformerEncoder(
                _ => new TransformerEncoderLayer(
                    config.DModel,
                    config.NHead,
                    generator,
                    config.DimFeedforward,
                    config.Dropout,
                    config.Activation,
                    batchFirst: true,
                    normFirst: true
                ),
                config.NumLayers,
                new LayerNorm(config.DModel)
            )
        );
        Head = RegisterModule("head", new Linear(config.DModel, 1, generator));
    }

    /// <summary>The arguments the model was built with.</summary>
    public GradeTransformerConfig Config { get; }

    /// <summary>Token ids → vectors (row 0, padding, stays zero).</summary>
    public Embedding TokenEmbedding { get; }

    /// <summary>Positions 0 … MaxLength − 1 → vectors.</summary>
    public Embedding PositionEmbedding { get; }

    /// <summary>Token features → a vector added to the embeddings.</summary>
    public Linear FeatureProjection { get; }

    /// <summary>Dropout on the summed embeddings.</summary>
    public Dropout EmbeddingDropout { get; }

    /// <summary>The pre-norm encoder (with a final norm).</summary>
    public TransformerEncoder Encoder { get; }

    /// <summary>The regression head on the <c>&lt;CLS&gt;</c> vector.</summary>
    public Linear Head { get; }

    /// <summary>The standardised difficulty of each route: ids <c>[B, T]</c>, features <c>[B, T, F]</c>, mask <c>[B,
    /// T]</c> (1 = real) → <c>[B]</c>.</summary>
    public Tensor Forward(IndexTensor ids, Tensor features, Tensor mask)
    {
        ArgumentNullException.ThrowIfNull(ids);
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(mask);
        if (ids.Dim != 2)
            throw new ArgumentException($"ids must be [B, T], got [{string.Join(", ", ids.Shape)}].", nameof(ids));
        int b = ids.Shape[0],
            t = ids.Shape[1];
        if (t > Config.MaxLength)
            throw new ArgumentException(
                $"A route of {t} tokens is longer than the {Config.MaxLength} the model reads.",
                nameof(ids)
            );
        if (
            features.Dim != 3
            || features.Size(0) != b
            || features.Size(1) != t
            || features.Size(2) != Config.FeatureCount
        )
            throw new ArgumentException(
                $"features must be [{b}, {t}, {Config.FeatureCount}], got [{string.Join(", ", features.Shape)}].",
                nameof(features)
            );
        var positions = IndexTensor.Wrap([.. Enumerable.Range(0, t)], t);
        var x =
            TokenEmbedding.Forward(ids) // [B, T, D]
            + PositionEmbedding.Forward(positions) // [T, D], broadcast over B
            + FeatureProjection.Forward(features); // [B, T, D]
        x = Encoder.Forward(EmbeddingDropout.Forward(x), mask); // [B, T, D]
        var cls = x.Select(1, 0); // [B, D]
        return Head.Forward(cls).Reshape(b); // [B]
    }
}
