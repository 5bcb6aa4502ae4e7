using Lib.Tensors;
using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Benchmarks.Models;

/// <summary>
/// <c>transformer_grade.py</c>: token embedding (2000 × 128, padding row 0) + Linear(3 → 128) of per-token
/// coordinates, a learned CLS vector in front, learned positions (41 × 128), dropout 0.1, then 4 pre-norm
/// TransformerEncoderLayers (d_model 128, 4 heads, feed-forward 256, GELU, dropout 0.1) with a final LayerNorm
/// and the key padding mask, and a head Linear(128,128)-GELU-Dropout(0.1)-Linear(128,1) on the CLS position.
/// MSE, AdamW lr 3e-4, gradient-norm clip 1.0, batch 128.
/// </summary>
internal sealed class TransformerGradeBenchmark : IModelBenchmark
{
    private const int Vocab = 2000, MaxLen = 40, DModel = 128, Heads = 4, Layers = 4, FeedForward = 256, CoordDim = 3, MinLen = 8, Batch = 128, PoolSize = 4;
    private const float DropoutP = 0.1f;

    private readonly GradeTransformer _model;
    private readonly AdamW _optimizer;
    private readonly MSELoss _loss = new();
    private readonly Sample[] _pool;

    public TransformerGradeBenchmark(long seed = 0)
    {
        var generator = new Generator(seed);
        _model = new GradeTransformer(generator);
        _optimizer = new AdamW(_model.Parameters(), lr: 3e-4);
        _pool = [.. Enumerable.Range(0, PoolSize).Select(_ => MakeBatch(generator, Batch))];
    }

    public string Name => "transformer_grade";
    public string SampleUnit => "samples";
    public int BatchSize => Batch;
    public long ExpectedParameters => 808_705;
    public Module Model => _model;

    public IReadOnlyDictionary<string, object> Config => new Dictionary<string, object>
    {
        ["vocab"] = Vocab, ["max_len"] = MaxLen, ["d_model"] = DModel, ["nhead"] = Heads, ["layers"] = Layers, ["ff"] = FeedForward,
        ["norm_first"] = true, ["lengths"] = new[] { MinLen, MaxLen }, ["optim"] = "AdamW(3e-4)+clip1.0", ["loss"] = "MSE",
    };

    public float TrainStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _optimizer.ZeroGrad(setToNone: false);
        var loss = _loss.Forward(_model.Forward(b.Tokens, b.Coords, b.Real), b.Y);
        loss.Backward();
        ClipGrad.ClipGradNorm(_model.Parameters(), 1.0);
        _optimizer.Step();
        return loss.Item();
    }

    public void InferStep(int batch)
    {
        var b = _pool[batch % PoolSize];
        _model.Forward(b.Tokens, b.Coords, b.Real);
    }

    /// <summary>A batch; <c>Real</c> [n, MaxLen] is the engine's mask polarity (1 = a real token, 0 = padding), the opposite of the script's <c>pad</c>.</summary>
    private sealed record Sample(IndexTensor Tokens, Tensor Coords, Tensor Real, Tensor Y);

    /// <summary>lengths U{8..40}; tokens U{1..1999} and coords N(0, 1), both zero past the length; y ~ N(0, 1).</summary>
    private static Sample MakeBatch(Generator generator, int n)
    {
        var lengths = Synthetic.RandInt(generator, MinLen, MaxLen + 1, n).ToArray();
        var real = Tensor.Zeros(n, MaxLen);
        for (int i = 0; i < n; i++) real.AsSpan().Slice(i * MaxLen, lengths[i]).Fill(1f);
        var tokens = Synthetic.RandInt(generator, 1, Vocab, n, MaxLen);
        var coords = Tensor.Randn(generator, n, MaxLen, CoordDim);
        for (int i = 0; i < n; i++)
        {
            tokens.AsSpan().Slice(i * MaxLen + lengths[i], MaxLen - lengths[i]).Clear();
            coords.AsSpan().Slice((i * MaxLen + lengths[i]) * CoordDim, (MaxLen - lengths[i]) * CoordDim).Clear();
        }
        return new Sample(tokens, coords, real, Tensor.Randn(generator, n));
    }

    /// <summary>The model of <c>transformer_grade.py</c> (<c>GradeTransformer</c>), with the same parameter names.</summary>
    private sealed class GradeTransformer : Module
    {
        private readonly Embedding _tok, _pos;
        private readonly Linear _coord;
        private readonly Tensor _cls;
        private readonly Dropout _embDrop;
        private readonly TransformerEncoder _encoder;
        private readonly Sequential _head;

        public GradeTransformer(Generator generator)
        {
            _tok = RegisterModule("tok", new Embedding(Vocab, DModel, generator, paddingIdx: 0));
            _pos = RegisterModule("pos", new Embedding(MaxLen + 1, DModel, generator));   // +1 for CLS
            _coord = RegisterModule("coord", new Linear(CoordDim, DModel, generator));
            _cls = RegisterParameter("cls", Init.Normal(Tensor.Zeros(1, 1, DModel), generator, std: 0.02));
            _embDrop = RegisterModule("emb_drop", new Dropout(generator, DropoutP));
            _encoder = RegisterModule("encoder", new TransformerEncoder(
                _ => new TransformerEncoderLayer(DModel, Heads, generator, dimFeedforward: FeedForward, dropout: DropoutP,
                    activation: "gelu", batchFirst: true, normFirst: true),
                Layers, norm: new LayerNorm(DModel)));
            _head = RegisterModule("head", new Sequential(
                new Linear(DModel, DModel, generator), new GELU(), new Dropout(generator, DropoutP), new Linear(DModel, 1, generator)));
        }

        /// <summary>tokens [B, L], coords [B, L, 3], real [B, L] (1 = a real token) → predictions [B].</summary>
        public Tensor Forward(IndexTensor tokens, Tensor coords, Tensor real)
        {
            int b = tokens.Shape[0], l = tokens.Shape[1];
            var x = _tok.Forward(tokens) + _coord.Forward(coords);                                // [B, L, D]
            x = Tensor.Cat([_cls.Expand(b, -1, -1), x], dim: 1);                                 // [B, L+1, D]
            x = x + _pos.Forward(IndexTensor.FromArray([.. Enumerable.Range(0, l + 1)]));        // positions 0..L
            var keep = Tensor.Cat([Tensor.Ones(b, 1), real], dim: 1);                            // the CLS position is never padding
            x = _encoder.Forward(_embDrop.Forward(x), srcKeyPaddingMask: keep);
            return _head.Forward(x.Select(1, 0)).Squeeze(-1);                                   // [B]
        }
    }
}
