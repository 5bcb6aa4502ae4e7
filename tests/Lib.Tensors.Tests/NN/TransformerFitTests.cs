using Lib.Tensors.NN;
using Lib.Tensors.Optim;

namespace Lib.Tensors.Tests.NN;

public class TransformerFitTests
{
    /// <summary>
    /// A pre-norm 4-layer encoder (d_model 32, 4 heads, ff 64, no dropout) with token and learned position
    /// embeddings reads a &lt;CLS&gt; token and regresses how many times symbol 1 occurs in a padded random
    /// sequence of 3..6 symbols drawn from 1..4. Targets are centred, so predicting their mean leaves a loss
    /// near their variance; the loss must fall far below that.
    /// </summary>
    [Fact]
    public void A_four_layer_encoder_learns_to_count_a_token_in_padded_sequences()
    {
        // Small on purpose: the cost is all GEMM, and a Debug build's GEMM is slow.
        const int batch = 8, maxLen = 6, tokens = maxLen + 1, pad = 0, cls = 5, vocab = 6, dModel = 32, steps = 80;
        const float meanCount = 4.5f / 4f; // E[length] = 4.5, P(symbol 1) = 1/4
        var gen = new Generator(7);
        var embed = new Embedding(vocab, dModel, gen, paddingIdx: pad);
        var position = new Embedding(tokens, dModel, gen);
        var encoder = new TransformerEncoder(_ => new TransformerEncoderLayer(dModel, 4, gen, dimFeedforward: 64, dropout: 0f,
            activation: "gelu", batchFirst: true, normFirst: true), numLayers: 4, norm: new LayerNorm(dModel));
        var head = new Linear(dModel, 1, gen);
        Tensor[] parameters = [.. embed.Parameters(), .. position.Parameters(), .. encoder.Parameters(), .. head.Parameters()];
        var optimizer = new AdamW(parameters, lr: 3e-3, weightDecay: 0.01);
        var positions = IndexTensor.FromArray([.. Enumerable.Range(0, tokens)], tokens);
        var data = new Generator(11);

        float Step()
        {
            var ids = new int[batch * tokens];
            var mask = new float[batch * tokens];
            var target = new float[batch];
            for (int b = 0; b < batch; b++)
            {
                int length = 3 + data.NextInt(maxLen - 2);
                ids[b * tokens] = cls;
                mask[b * tokens] = 1f;
                for (int t = 1; t <= length; t++)
                {
                    int symbol = 1 + data.NextInt(4);
                    ids[b * tokens + t] = symbol;
                    mask[b * tokens + t] = 1f;
                    if (symbol == 1) target[b]++;
                }
                target[b] -= meanCount;
            }
            var x = embed.Forward(IndexTensor.FromArray(ids, batch, tokens)) + position.Forward(positions); // [B, T, D]
            var h = encoder.Forward(x, Tensor.FromArray(mask, batch, tokens));
            var prediction = head.Forward(h.Select(1, 0)).Reshape(batch); // read out at <CLS>
            var diff = prediction - Tensor.FromArray(target, batch);
            var loss = diff.Mul(diff).Mean();
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
            return loss.Item();
        }

        var losses = new List<float>();
        for (int i = 0; i < steps; i++) losses.Add(Step());
        float first = losses.Take(5).Average(), last = losses.TakeLast(10).Average();
        Assert.True(last < 0.3f * first, $"loss went from {first} (first 5 steps) to {last} (last 10)");
        Assert.True(last < 0.3f, $"the last 10 steps average {last}; predicting the mean would give about 0.9");
    }
}
