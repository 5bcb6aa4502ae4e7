namespace Lib.Tensors.Tests.Golden;

/// <summary>
/// Runs a fixture case through the engine: every float <c>input.*</c> becomes a leaf (requiring grad
/// when the fixture has its gradient), the outputs are compared with <c>output.*</c>, then
/// Σ output ⊙ upstream is backpropagated and the gradients compared with <c>grad.input.*</c>.
/// </summary>
public static class GoldenCheck
{
    public const float Rtol = 1e-5f;
    public const float Atol = 1e-6f;

    public static void Run(Fixture fixture, Func<Dictionary<string, Tensor>, Dictionary<string, Tensor>> compute, float rtol = Rtol, float atol = Atol)
    {
        var inputs = new Dictionary<string, Tensor>();
        foreach (var name in fixture.Names.Where(n => n.StartsWith("input.", StringComparison.Ordinal) && fixture.IsFloat(n)))
            inputs[name["input.".Length..]] = fixture.Float(name).RequireGrad(fixture.Has("grad." + name));
        var outputs = compute(inputs);
        Tensor? total = null;
        foreach (var (name, output) in outputs)
        {
            Approx.Equal(fixture.Float("output." + name), output, atol, rtol, $"{fixture.Case} output.{name}");
            if (!fixture.Has("upstream." + name)) continue;
            var term = (output * fixture.Float("upstream." + name)).Sum();
            total = total is null ? term : total + term;
        }
        Assert.NotNull(total);
        total!.Backward();
        foreach (var (key, leaf) in inputs.Where(i => i.Value.RequiresGrad))
        {
            Assert.True(leaf.Grad is not null, $"{fixture.Case}: input.{key} received no gradient");
            Approx.Equal(fixture.Float("grad.input." + key), leaf.Grad!, atol, rtol, $"{fixture.Case} grad.input.{key}");
        }
    }
}
