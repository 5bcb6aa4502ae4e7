using System.Globalization;
using Lib.Tensors.NN.Recurrent;

namespace Lib.Tensors.NN;

/// <summary>
/// What <see cref="LSTM"/> and <see cref="GRU"/> share (PyTorch's <c>nn.RNNBase</c>): the
/// configuration, parameters named and ordered as PyTorch's state dict (<c>weight_ih_l0</c>,
/// <c>weight_hh_l0</c>, <c>bias_ih_l0</c>, <c>bias_hh_l0</c>, then <c>..._reverse</c>, layer by layer),
/// input validation, ragged lengths, and dropout between layers.
/// </summary>
/// <remarks>
/// Ragged batches take per-sequence <c>lengths</c> instead of a packed sequence: the result is what
/// <c>pack_padded_sequence(enforce_sorted=False)</c> → module → <c>pad_packed_sequence(total_length=T)</c>
/// gives in PyTorch — outputs exactly zero past each length, h_n (and c_n) each sequence's state at
/// its own last step, and the reverse direction starting at each sequence's last step. Padded input
/// values never influence anything and receive zero gradient.
/// </remarks>
public abstract class RNNBase : Module
{
    private readonly RnnWeights[][] _layers;
    private readonly Generator _generator;

    private protected RNNBase(
        int gates,
        int inputSize,
        int hiddenSize,
        Generator generator,
        int numLayers,
        bool bias,
        bool batchFirst,
        float dropout,
        bool bidirectional
    )
    {
        string name = GetType().Name;
        if (inputSize <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(inputSize),
                $"{name}: inputSize must be positive, got {inputSize}."
            );
        if (hiddenSize <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(hiddenSize),
                $"{name}: hiddenSize must be positive, got {hiddenSize}."
            );
        if (numLayers <= 0)
            throw new ArgumentOutOfRangeException(
                nameof(numLayers),
                $"{name}: numLayers must be at least 1, got {numLayers}."
            );
        if (!(dropout >= 0f && dropout <= 1f))
            throw new ArgumentOutOfRangeException(
                nameof(dropout),
                $"{name}: dropout must be a probability in [0, 1], got {dropout}."
            );
        ArgumentNullException.ThrowIfNull(generator);
        InputSize = inputSize;
        HiddenSize = hiddenSize;
        NumLayers = numLayers;
        Bias = bias;
        BatchFirst = batchFirst;
        Dropout = dropout;
        Bidirectional = bidirectional;
        _generator = generator;

        // PyTorch's reset_parameters: every parameter ~ U(-1/√H, 1/√H), drawn in registration order.
        float bound = 1f / MathF.Sqrt(hiddenSize);
        Tensor Init(string key, params int[] shape) =>
            RegisterParameter(key, Tensor.Uniform(generator, -bound, bound, shape));
        _layers = new RnnWeights[numLayers][];
        for (int layer = 0; layer < numLayers; layer++)
        {
            int layerInput = layer == 0 ? inputSize : hiddenSize * NumDirections;
            _layers[layer] = new RnnWeights[NumDirections];
            for (int d = 0; d < NumDirections; d++)
            {
                string suffix = $"_l{layer}" + (d == 1 ? "_reverse" : "");
                var wih = Init("weight_ih" + suffix, gates * hiddenSize, layerInput);
                var whh = Init("weight_hh" + suffix, gates * hiddenSize, hiddenSize);
                var bih = bias ? Init("bias_ih" + suffix, gates * hiddenSize) : null;
                var bhh = bias ? Init("bias_hh" + suffix, gates * hiddenSize) : null;
                _layers[layer][d] = new RnnWeights(wih, whh, bih, bhh);
            }
        }
    }

    /// <summary>The number of features of each input step.</summary>
    public int InputSize { get; }

    /// <summary>H, the number of features of the hidden state.</summary>
    public int HiddenSize { get; }

    /// <summary>The number of stacked layers.</summary>
    public int NumLayers { get; }

    /// <summary>Whether the layers have <c>bias_ih</c> and <c>bias_hh</c>.</summary>
    public bool Bias { get; }

    /// <summary>True: input and output are [B, T, F]; false (PyTorch's default): [T, B, F]. States are always
    /// [layers·directions, B, H].</summary>
    public bool BatchFirst { get; }

    /// <summary>The dropout probability applied to each layer's output except the last, in training mode.</summary>
    public float Dropout { get; }

    /// <summary>Whether each layer also reads the sequence backwards; outputs are then [forward, reverse]
    /// concatenated.</summary>
    public bool Bidirectional { get; }

    /// <summary>1, or 2 when <see cref="Bidirectional"/>.</summary>
    public int NumDirections => Bidirectional ? 2 : 1;

    /// <summary>
    /// Each sequence's output at its last valid step: <paramref name="output"/> [B, T, D·H] (or
    /// [T, B, D·H] when not <see cref="BatchFirst"/>) → [B, D·H], taken at step <c>lengths[b] - 1</c>
    /// (the last step when <paramref name="lengths"/> is null). For a bidirectional module the reverse
    /// half there has read only that one step; <see cref="LastLayerHidden"/> gives both directions' final states.
    /// </summary>
    public Tensor LastValid(Tensor output, IndexTensor? lengths = null)
    {
        string name = GetType().Name;
        if (output.Dim != 3)
            throw new ArgumentException(
                $"{name}.LastValid: output must be 3-D {Layout("D*H")}, got {Tensor.ShapeText(output.Shape)}.",
                nameof(output)
            );
        int b = BatchFirst ? output.Size(0) : output.Size(1),
            t = BatchFirst ? output.Size(1) : output.Size(0),
            width = output.Size(2);
        var batch = RnnBatch.Create(b, t, BatchFirst, CheckLengths(lengths, b, t));
        var ranges = new (int, int, int)[b];
        for (int i = 0; i < b; i++)
            ranges[i] = (0, batch.PaddedRow(i, batch.Lengths[i] - 1) * width, width);
        return FlatGather.Apply([output], ranges, [b, width]);
    }

    /// <summary>
    /// The last layer's final hidden state of every direction, side by side: h_n [L·D, B, H] → [B, D·H]
    /// (forward then reverse) — the usual summary of a sequence for a classifier or regressor head.
    /// </summary>
    public Tensor LastLayerHidden(Tensor hN)
    {
        int rows = NumLayers * NumDirections;
        if (hN.Dim != 3 || hN.Size(0) != rows || hN.Size(2) != HiddenSize)
            throw new ArgumentException(
                $"{GetType().Name}.LastLayerHidden: h_n must be [num_layers*num_directions={rows}, B, "
                    + $"hidden_size={HiddenSize}], got {Tensor.ShapeText(hN.Shape)}.",
                nameof(hN)
            );
        int b = hN.Size(1),
            h = HiddenSize,
            first = (NumLayers - 1) * NumDirections;
        var ranges = new List<(int, int, int)>();
        for (int i = 0; i < b; i++)
        for (int d = 0; d < NumDirections; d++)
            ranges.Add((0, ((first + d) * b + i) * h, h));
        return FlatGather.Apply([hN], [.. ranges], [b, NumDirections * h]);
    }

    /// <summary>Validates the call and runs every layer; <paramref name="c0"/> and the returned C are used by LSTM
    /// only.</summary>
    private protected (Tensor Output, Tensor H, Tensor? C) Run(
        Tensor input,
        IndexTensor? lengths,
        Tensor? h0,
        Tensor? c0,
        bool hasCell
    )
    {
        string name = GetType().Name;
        if (input.Dim != 3)
            throw new ArgumentException(
                $"{name}: input must be 3-D {Layout($"input_size={InputSize}")} "
                    + $"(batch_first={BatchFirst.ToString().ToLowerInvariant()}), got {Tensor.ShapeText(input.Shape)}.",
                nameof(input)
            );
        if (input.Size(2) != InputSize)
            throw new ArgumentException(
                $"{name}: input has {input.Size(2)} features per step but input_size is {InputSize} (input "
                    + $"shape {Tensor.ShapeText(input.Shape)}).",
                nameof(input)
            );
        int b = BatchFirst ? input.Size(0) : input.Size(1),
            t = BatchFirst ? input.Size(1) : input.Size(0);
        if (b == 0 || t == 0)
            throw new ArgumentException(
                $"{name}: input {Tensor.ShapeText(input.Shape)} has no sequences or no steps.",
                nameof(input)
            );
        CheckState(h0, "H", b, "state");
        CheckState(c0, "C", b, "state");
        var batch = RnnBatch.Create(b, t, BatchFirst, CheckLengths(lengths, b, t));

        int dirs = NumDirections,
            h = HiddenSize,
            outWidth = dirs * h,
            outSize = b * t * outWidth,
            stateSize = dirs * b * h;
        int[] outShape = BatchFirst ? [b, t, outWidth] : [t, b, outWidth];
        if (!FusedOps.IsEnabled)
            return RunComposed(
                input,
                b,
                batch.Lengths.All(l => l == t) ? null : batch.Lengths,
                h0,
                c0,
                hasCell,
                outShape
            );
        if (!Autograd.GradMode.IsEnabled)
            return Infer(input, batch, h0, c0, hasCell, outShape, stateSize);
        var results = new Tensor[NumLayers];
        var layerInput = input;
        Tensor output = input;
        for (int layer = 0; layer < NumLayers; layer++)
        {
            results[layer] = hasCell
                ? LstmLayer.Apply(layerInput, batch, h0, c0, layer * dirs, _layers[layer])
                : GruLayer.Apply(layerInput, batch, h0, layer * dirs, _layers[layer]);
            output = FlatGather.Apply([results[layer]], [(0, 0, outSize)], outShape);
            layerInput = layer < NumLayers - 1 && Training && Dropout > 0f ? output.Mul(DropoutMask(outShape)) : output;
        }
        var hRanges = new (int, int, int)[NumLayers];
        var cRanges = new (int, int, int)[NumLayers];
        for (int layer = 0; layer < NumLayers; layer++)
        {
            hRanges[layer] = (layer, outSize, stateSize);
            cRanges[layer] = (layer, outSize + stateSize, stateSize);
        }
        int[] stateShape = [NumLayers * dirs, b, h];
        var hN = FlatGather.Apply(results, hRanges, stateShape);
        var cN = hasCell ? FlatGather.Apply(results, cRanges, stateShape) : null;
        return (output, hN, cN);
    }

    /// <summary>The layers without autograd: each layer's output, h_n and c_n arrays become the tensors directly, with
    /// no flat result to split.</summary>
    private (Tensor Output, Tensor H, Tensor? C) Infer(
        Tensor input,
        RnnBatch batch,
        Tensor? h0,
        Tensor? c0,
        bool hasCell,
        int[] outShape,
        int stateSize
    )
    {
        var hN = TensorStorage.Uninitialized(NumLayers * stateSize);
        var cN = hasCell ? TensorStorage.Uninitialized(NumLayers * stateSize) : null;
        var output = input;
        for (int layer = 0; layer < NumLayers; layer++)
        {
            float[] outputs;
            if (hasCell)
            {
                (outputs, var hl, var cl) = LstmLayer.Infer(
                    output,
                    batch,
                    h0,
                    c0,
                    layer * NumDirections,
                    _layers[layer]
                );
                hl.CopyTo(hN, layer * stateSize);
                cl.CopyTo(cN!, layer * stateSize);
            }
            else
            {
                (outputs, var hl) = GruLayer.Infer(output, batch, h0, layer * NumDirections, _layers[layer]);
                hl.CopyTo(hN, layer * stateSize);
            }
            output = new Tensor(outputs, outShape);
            if (layer < NumLayers - 1 && Training && Dropout > 0f)
                output = output.Mul(DropoutMask(outShape)); // as with autograd
        }
        int[] stateShape = [NumLayers * NumDirections, batch.Batch, HiddenSize];
        return (output, new Tensor(hN, stateShape), cN is null ? null : new Tensor(cN, stateShape));
    }

    /// <summary>
    /// The layers step by step from primitives (<see cref="Composed.LstmLayer"/>, <see cref="Composed.GruLayer"/>),
    /// with the
    /// same dropout masks between layers: the reference the fused layers are tested against.
    /// </summary>
    private (Tensor Output, Tensor H, Tensor? C) RunComposed(
        Tensor input,
        int b,
        int[]? lengths,
        Tensor? h0,
        Tensor? c0,
        bool hasCell,
        int[] outShape
    )
    {
        int dirs = NumDirections;
        var x = BatchFirst ? input.Transpose(0, 1) : input; // [T, B, F]
        var hs = new List<Tensor>();
        var cs = new List<Tensor>();
        Tensor output = input;
        for (int layer = 0; layer < NumLayers; layer++)
        {
            var directions = new Tensor[dirs];
            for (int d = 0; d < dirs; d++)
            {
                var w = _layers[layer][d];
                int row = layer * dirs + d;
                var hStart = h0?.Select(0, row) ?? Tensor.Zeros(b, HiddenSize);
                if (hasCell)
                {
                    var (y, hT, cT) = Composed.LstmLayer(
                        x,
                        w.WeightIh,
                        w.WeightHh,
                        w.BiasIh,
                        w.BiasHh,
                        hStart,
                        c0?.Select(0, row) ?? Tensor.Zeros(b, HiddenSize),
                        lengths,
                        reverse: d == 1
                    );
                    directions[d] = y;
                    hs.Add(hT);
                    cs.Add(cT);
                }
                else
                {
                    var (y, hT) = Composed.GruLayer(
                        x,
                        w.WeightIh,
                        w.WeightHh,
                        w.BiasIh,
                        w.BiasHh,
                        hStart,
                        lengths,
                        reverse: d == 1
                    );
                    directions[d] = y;
                    hs.Add(hT);
                }
            }
            var layerOut = dirs == 1 ? directions[0] : Tensor.Cat(directions, 2); // [T, B, D·H]
            output = BatchFirst ? layerOut.Transpose(0, 1) : layerOut;
            if (layer < NumLayers - 1 && Training && Dropout > 0f)
                output = output.Mul(DropoutMask(outShape)); // the fused path's masks
            x = BatchFirst ? output.Transpose(0, 1) : output;
        }
        return (output, Tensor.Stack(hs), hasCell ? Tensor.Stack(cs) : null);
    }

    /// <summary>Keep-or-drop scaled by 1/(1-p), drawn from the module's generator
    /// (<see cref="Ops.DropoutMask"/>).</summary>
    private Tensor DropoutMask(int[] shape)
    {
        var mask = Tensor.ZeroedResult(shape);
        Ops.DropoutMask.Fill(_generator, Dropout, mask.AsSpan());
        return mask;
    }

    private void CheckState(Tensor? state, string part, int batch, string argument)
    {
        if (state is null)
            return;
        int rows = NumLayers * NumDirections;
        if (state.Dim != 3 || state.Size(0) != rows || state.Size(1) != batch || state.Size(2) != HiddenSize)
            throw new ArgumentException(
                $"{GetType().Name}: initial state {part} must be [num_layers*num_directions={rows}, B={batch}, "
                    + $"hidden_size={HiddenSize}], got {Tensor.ShapeText(state.Shape)}.",
                argument
            );
    }

    private int[]? CheckLengths(IndexTensor? lengths, int batch, int time)
    {
        if (lengths is null)
            return null;
        string name = GetType().Name;
        if (lengths.Dim != 1 || lengths.NumEl != batch)
            throw new ArgumentException(
                $"{name}: lengths must be 1-D [B={batch}], got {Tensor.ShapeText(lengths.Shape)}.",
                nameof(lengths)
            );
        var values = lengths.ToArray();
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] <= 0)
                throw new ArgumentException(
                    $"{name}: lengths[{i}] = {values[i]}; every sequence needs at least one step (PyTorch's "
                        + "pack_padded_sequence rejects lengths of 0).",
                    nameof(lengths)
                );
            if (values[i] > time)
                throw new ArgumentException(
                    $"{name}: lengths[{i}] = {values[i]} exceeds the {time} steps of the input.",
                    nameof(lengths)
                );
        }
        return values;
    }

    private string Layout(string features) => BatchFirst ? $"[B, T, {features}]" : $"[T, B, {features}]";

    /// <inheritdoc/>
    protected override string ExtraRepr()
    {
        var s = string.Create(CultureInfo.InvariantCulture, $"{InputSize}, {HiddenSize}");
        if (NumLayers != 1)
            s += $", num_layers={NumLayers}";
        if (!Bias)
            s += ", bias=False";
        if (BatchFirst)
            s += ", batch_first=True";
        if (Dropout != 0f)
            s += string.Create(CultureInfo.InvariantCulture, $", dropout={Dropout}");
        if (Bidirectional)
            s += ", bidirectional=True";
        return s;
    }
}
