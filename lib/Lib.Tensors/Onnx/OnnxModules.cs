using Lib.Tensors.NN;

namespace Lib.Tensors.Onnx;

/// <summary>
/// The export rule of each engine module: what ONNX operators compute it, in inference mode (dropout is the
/// identity whatever <see cref="Module.Training"/> says). Weights become initializers named by their state-dict
/// keys under the module's scope (<c>0.weight</c>, <c>encoder.norm.bias</c>).
/// </summary>
/// <remarks>
/// <c>Linear</c> is <c>MatMul</c> with the transposed weight plus <c>Add</c> (any input rank, as PyTorch exports
/// it); ReLU, Tanh and Sigmoid are the operators of those names; GELU is written with <c>Erf</c> (or <c>Tanh</c> for
/// the tanh approximation), since opset 17 has no Gelu; <c>LayerNorm</c> is <c>LayerNormalization</c>;
/// <c>Embedding</c> is <c>Gather</c> on int64 ids; <c>Sequential</c> chains its children; <c>CrossNetwork</c> is
/// <c>MatMul</c>, <c>Add</c>, <c>Mul</c> and <c>Add</c> per layer; the Transformer encoder and its layers follow
/// <see cref="OnnxAttention"/> (without a padding mask here; with one, call it directly). The recurrent layers have
/// rules of their own (<see cref="OnnxRecurrent"/>), since they take and return several values.
/// </remarks>
public static class OnnxModules
{
    /// <summary>
    /// Adds <paramref name="module"/>'s computation on the value <paramref name="input"/> and returns the output's
    /// name. A module implementing <see cref="IOnnxExportable"/> writes itself; an engine module without a rule is
    /// an error naming its type and scope.
    /// </summary>
    public static string Emit(OnnxGraph graph, Module<Tensor, Tensor> module, string input, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(module);
        return module switch
        {
            IOnnxExportable own => own.ExportOnnx(graph, input, scope),
            Linear linear => Linear(graph, linear, input, scope),
            ReLU => graph.Add("Relu", [input], Hint(scope, "relu")),
            Tanh => graph.Add("Tanh", [input], Hint(scope, "tanh")),
            Sigmoid => graph.Add("Sigmoid", [input], Hint(scope, "sigmoid")),
            GELU gelu => Gelu(graph, input, gelu.Approximate, scope),
            Dropout or Identity => input,
            LayerNorm norm => LayerNorm(graph, norm, input, scope),
            Sequential sequential => Sequential(graph, sequential, input, scope),
            CrossNetwork cross => CrossNetwork(graph, cross, input, scope),
            TransformerEncoderLayer layer => OnnxAttention.EncoderLayer(graph, layer, input, null, scope),
            TransformerEncoder encoder => OnnxAttention.Encoder(graph, encoder, input, null, scope),
            _ => throw new NotSupportedException(
                $"ONNX export has no rule for {module.GetType().Name}"
                    + (scope.Length > 0 ? $" (at '{scope}')" : "")
                    + $"; implement {nameof(IOnnxExportable)} on it or export its parts with {nameof(OnnxModules)}."
            ),
        };
    }

    /// <summary><c>y = x · weightᵀ + bias</c> as <c>MatMul</c> (weight stored transposed, [in, out]) and
    /// <c>Add</c>: x [*, in] → [*, out].</summary>
    public static string Linear(OnnxGraph graph, Linear linear, string input, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(linear);
        var weightT = graph.AddInitializer(
            Key(scope, "weight_t"),
            Transpose(linear.Weight.Data, linear.OutFeatures, linear.InFeatures),
            [linear.InFeatures, linear.OutFeatures]
        );
        var product = graph.Add("MatMul", [input, weightT], Hint(scope, "matmul")); // [*, out]
        if (linear.Bias is null)
            return product;
        var bias = graph.AddInitializer(Key(scope, "bias"), linear.Bias);
        return graph.Add("Add", [product, bias], Hint(scope, "linear"));
    }

    /// <summary>GELU, exact (<c>0.5·x·(1 + erf(x/√2))</c>) or with the tanh approximation
    /// (<c>0.5·x·(1 + tanh(√(2/π)·(x + 0.044715·x³)))</c>).</summary>
    public static string Gelu(OnnxGraph graph, string input, string approximate = "none", string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        string inner;
        if (approximate == "none")
        {
            var scaled = graph.Add("Mul", [input, graph.Scalar(1 / MathF.Sqrt(2))], Hint(scope, "gelu_scaled"));
            inner = graph.Add("Erf", [scaled], Hint(scope, "gelu_erf"));
        }
        else if (approximate == "tanh")
        {
            var cube = graph.Add("Mul", [input, input], Hint(scope, "gelu_sq"));
            cube = graph.Add("Mul", [cube, input], Hint(scope, "gelu_cube"));
            var term = graph.Add("Mul", [cube, graph.Scalar(0.044715f)], Hint(scope, "gelu_term"));
            var sum = graph.Add("Add", [input, term], Hint(scope, "gelu_sum"));
            var scaled = graph.Add("Mul", [sum, graph.Scalar(MathF.Sqrt(2 / MathF.PI))], Hint(scope, "gelu_scaled"));
            inner = graph.Add("Tanh", [scaled], Hint(scope, "gelu_tanh"));
        }
        else
            throw new ArgumentException(
                $"GELU approximation must be \"none\" or \"tanh\", got \"{approximate}\".",
                nameof(approximate)
            );
        var onePlus = graph.Add("Add", [inner, graph.Scalar(1f)], Hint(scope, "gelu_one_plus"));
        var half = graph.Add("Mul", [input, graph.Scalar(0.5f)], Hint(scope, "gelu_half"));
        return graph.Add("Mul", [half, onePlus], Hint(scope, "gelu"));
    }

    /// <summary><c>LayerNormalization</c> over the trailing <see cref="NN.LayerNorm.NormalizedShape"/> dimensions
    /// (a scale of ones and no bias when the layer has no elementwise affine).</summary>
    public static string LayerNorm(OnnxGraph graph, LayerNorm norm, string input, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(norm);
        int[] shape = [.. norm.NormalizedShape];
        var scale = norm.Weight is { } weight
            ? graph.AddInitializer(Key(scope, "weight"), weight)
            : graph.AddInitializer(Key(scope, "ones"), Tensor.Ones(shape));
        var bias = norm.Bias is { } b ? graph.AddInitializer(Key(scope, "bias"), b) : "";
        return graph.Add(
            "LayerNormalization",
            bias.Length > 0 ? [input, scale, bias] : [input, scale],
            Hint(scope, "layer_norm"),
            OnnxAttributes.Int("axis", -shape.Length),
            OnnxAttributes.Float("epsilon", norm.Eps)
        );
    }

    /// <summary>The children one after another, each under <c>scope.i</c>.</summary>
    public static string Sequential(OnnxGraph graph, Sequential sequential, string input, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(sequential);
        for (int i = 0; i < sequential.Count; i++)
            input = Emit(
                graph,
                sequential[i],
                input,
                Key(scope, i.ToString(System.Globalization.CultureInfo.InvariantCulture))
            );
        return input;
    }

    /// <summary>
    /// DCN-V2's cross network: per layer <c>l</c> (weights under <c>scope.layers.l</c>), <c>MatMul</c> of x_l with
    /// the transposed W (or with Vᵀ then U, transposed, in the low-rank form), <c>Add</c> of the bias, <c>Mul</c>
    /// by x_0 and <c>Add</c> of x_l: x_0 [*, D] → x_L [*, D].
    /// </summary>
    public static string CrossNetwork(OnnxGraph graph, CrossNetwork network, string input, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(network);
        int d = network.InFeatures;
        var xl = input;
        for (int l = 0; l < network.NumLayers; l++)
        {
            var layer = network.Layers[l];
            var at = Key(scope, "layers." + l.ToString(System.Globalization.CultureInfo.InvariantCulture));
            string mixed;
            if (layer.Weight is { } w)
            {
                var wT = graph.AddInitializer(Key(at, "weight_t"), Transpose(w.Data, d, d), [d, d]);
                mixed = graph.Add("MatMul", [xl, wT], Hint(at, "matmul")); // [*, D]
            }
            else
            {
                int r = layer.Rank!.Value;
                var vT = graph.AddInitializer(Key(at, "weight_v_t"), Transpose(layer.WeightV!.Data, r, d), [d, r]);
                var uT = graph.AddInitializer(Key(at, "weight_u_t"), Transpose(layer.WeightU!.Data, d, r), [r, d]);
                var low = graph.Add("MatMul", [xl, vT], Hint(at, "project")); // [*, r]
                mixed = graph.Add("MatMul", [low, uT], Hint(at, "matmul")); // [*, D]
            }
            if (layer.Bias is { } b)
                mixed = graph.Add("Add", [mixed, graph.AddInitializer(Key(at, "bias"), b)], Hint(at, "linear"));
            var crossed = graph.Add("Mul", [input, mixed], Hint(at, "cross")); // x_0 ⊙ (W x_l + b)
            xl = graph.Add("Add", [crossed, xl], Hint(at, "residual")); // [*, D]
        }
        return xl;
    }

    /// <summary>
    /// <c>Gather</c> of the table's rows: int64 ids [*] → [*, embeddingDim]. (The padding row is a row like any
    /// other at inference.)
    /// </summary>
    public static string Embedding(OnnxGraph graph, Embedding embedding, string ids, string scope = "")
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(embedding);
        var table = graph.AddInitializer(Key(scope, "weight"), embedding.Weight);
        return graph.Add("Gather", [table, ids], Hint(scope, "embedding"), OnnxAttributes.Int("axis", 0));
    }

    /// <summary>The name of a weight: its state-dict key under <paramref name="scope"/>.</summary>
    internal static string Key(string scope, string name) => scope.Length == 0 ? name : scope + "." + name;

    /// <summary>A readable name hint for a node's output.</summary>
    internal static string Hint(string scope, string what) => scope.Length == 0 ? what : scope + "." + what;

    /// <summary>[rows, cols] row-major → [cols, rows].</summary>
    internal static float[] Transpose(ReadOnlySpan<float> values, int rows, int cols)
    {
        var result = new float[values.Length];
        for (int r = 0; r < rows; r++)
        for (int c = 0; c < cols; c++)
            result[c * rows + r] = values[r * cols + c];
        return result;
    }
}
