namespace Lib.Tensors.NN.Recurrent;

/// <summary>One layer-direction's parameters: <c>weight_ih</c> [G·H, in], <c>weight_hh</c> [G·H, H] and the optional
/// biases [G·H] (G = 4 for LSTM, 3 for GRU).</summary>
internal sealed record RnnWeights(Tensor WeightIh, Tensor WeightHh, Tensor? BiasIh, Tensor? BiasHh)
{
    /// <summary>H.</summary>
    public int HiddenSize => WeightHh.Size(1);

    /// <summary>The tensors in PyTorch's order, for an op's input list.</summary>
    public IEnumerable<Tensor> Tensors()
    {
        yield return WeightIh;
        yield return WeightHh;
        if (BiasIh is not null)
            yield return BiasIh;
        if (BiasHh is not null)
            yield return BiasHh;
    }
}
