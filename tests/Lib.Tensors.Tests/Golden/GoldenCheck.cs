using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Compares the engine with a fixture case: values within a <see cref="Tolerance"/>, and whole forward/backward runs.</summary>
public static class GoldenCheck
{
    /// <summary>
    /// Asserts that <paramref name="actual"/> has <paramref name="expected"/>'s shape and values within
    /// <paramref name="tolerance"/>; a miss names <paramref name="what"/> (case and tensor), the element, both values and the bound.
    /// </summary>
    public static void Close(Tensor expected, Tensor? actual, string what, Tolerance tolerance)
    {
        Assert.True(actual is not null, $"{what}: no tensor to compare (did a gradient reach it?)");
        Assert.True(expected.Shape.SequenceEqual(actual!.Shape), $"{what}: shape {ShapeText(actual.Shape)}, PyTorch has {ShapeText(expected.Shape)}");
        var e = expected.Data;
        var a = actual.Data;
        for (int i = 0; i < e.Length; i++)
            if (!tolerance.Accepts(e[i], a[i]))
                Assert.Fail($"{what}: element {i} {ShapeText(Coordinates(i, expected.Shape))} is {a[i]:G9}, PyTorch has {e[i]:G9}; "
                    + $"|diff| {Math.Abs((double)e[i] - a[i]):G3} > {tolerance.Bound(e[i]):G3} ({tolerance})");
    }

    /// <summary>Asserts one number is within <paramref name="tolerance"/> of PyTorch's, naming <paramref name="what"/>.</summary>
    public static void Close(double expected, double actual, string what, Tolerance tolerance) =>
        Assert.True(tolerance.Accepts(expected, actual),
            $"{what}: {actual:R}, PyTorch has {expected:R}; |diff| {Math.Abs(expected - actual):G3} > {tolerance.Bound(expected):G3} ({tolerance})");

    /// <summary>
    /// Runs a case through the engine. Every F32 <c>input.*</c> becomes a leaf (requiring grad when the case has
    /// its <c>grad.input.*</c>) passed to <paramref name="forward"/> by its name without the prefix. The returned
    /// outputs are compared with <c>output.*</c> (every F32 output of the case must be returned), then
    /// Σ output ⊙ upstream is backpropagated and each leaf's gradient compared with <c>grad.input.*</c>, and, with a
    /// <paramref name="module"/>, each of its parameters' with <c>grad.param.*</c> (its parameter names must be PyTorch's keys).
    /// </summary>
    /// <remarks>The case runs once in every <see cref="EngineModes"/> mode (pooled and plain allocators, fused and composed ops).</remarks>
    /// <param name="tolerance">For outputs, and for gradients unless <paramref name="gradientTolerance"/> is given; <see cref="Tolerance.Default"/> when omitted.</param>
    public static void Run(Fixture fixture, Func<IReadOnlyDictionary<string, Tensor>, Dictionary<string, Tensor>> forward,
        Module? module = null, Tolerance? tolerance = null, Tolerance? gradientTolerance = null)
    {
        foreach (var mode in EngineModes.All)
            using (EngineModes.Enter(mode))
            {
                if (module is not null) foreach (var p in module.Parameters()) p.Grad = null;
                RunOnce(fixture.WithMode(mode), forward, module, tolerance, gradientTolerance);
            }
    }

    private static void RunOnce(Fixture fixture, Func<IReadOnlyDictionary<string, Tensor>, Dictionary<string, Tensor>> forward,
        Module? module, Tolerance? tolerance, Tolerance? gradientTolerance)
    {
        var outputTolerance = tolerance ?? Tolerance.Default;
        var gradTolerance = gradientTolerance ?? outputTolerance;
        var inputs = new Dictionary<string, Tensor>();
        foreach (var name in fixture.Names.Where(n => n.StartsWith("input.", StringComparison.Ordinal) && fixture.IsFloat(n)))
            inputs[name["input.".Length..]] = fixture.Float(name).RequireGrad(fixture.Has("grad." + name));

        var outputs = forward(inputs);
        foreach (var name in fixture.Names.Where(n => n.StartsWith("output.", StringComparison.Ordinal) && fixture.IsFloat(n)))
            Assert.True(outputs.ContainsKey(name["output.".Length..]), $"{fixture.Case}: {name} is not compared (the forward returned {string.Join(", ", outputs.Keys)})");
        Tensor? total = null;
        foreach (var (name, output) in outputs)
        {
            fixture.AssertClose("output." + name, output, outputTolerance);
            if (!fixture.Has("upstream." + name)) continue;
            var term = (output * fixture.Float("upstream." + name)).Sum();
            total = total is null ? term : total + term;
        }
        Assert.True(total is not null, $"{fixture.Case}: no output has an upstream gradient");
        total!.Backward();

        foreach (var (name, leaf) in inputs.Where(i => i.Value.RequiresGrad))
            fixture.AssertClose("grad.input." + name, leaf.Grad, gradTolerance);
        if (module is null) return;
        Assert.Equal(fixture.Params().Keys.Order(StringComparer.Ordinal), module.NamedParameters().Select(p => p.Name).Order(StringComparer.Ordinal));
        foreach (var (key, parameter) in module.NamedParameters())
            fixture.AssertClose("grad.param." + key, parameter.Grad, gradTolerance);
    }

    private static int[] Coordinates(int flat, IReadOnlyList<int> shape)
    {
        var at = new int[shape.Count];
        for (int d = shape.Count - 1; d >= 0; d--)
        {
            at[d] = flat % shape[d];
            flat /= shape[d];
        }
        return at;
    }

    private static string ShapeText(IReadOnlyList<int> shape) => "[" + string.Join(", ", shape) + "]";
}
