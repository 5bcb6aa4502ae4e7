using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Lib.Torch.Paragliding;

/// <summary>
/// The TorchSharp twin of <see cref="Lib.Paragliding.Model.OrdinalHead"/>: a score a = <c>fc</c>(h) against K ordered
/// cut points θ_k = <c>bias_base</c> + Σ_{j ≤ k} softplus(<c>bias_deltas</c>_j); logits a − θ_k [B, K].
/// </summary>
public sealed class OrdinalHeadTwin : nn.Module<Tensor, Tensor>
{
    // Field names are the state-dict keys: RegisterComponents() registers fields by name.
    private readonly Linear fc;
    private readonly Parameter bias_base,
        bias_deltas;

    /// <summary>A head over <paramref name="inFeatures"/> inputs for <paramref name="targets"/> thresholds.</summary>
    public OrdinalHeadTwin(int inFeatures, int targets)
        : base(nameof(OrdinalHeadTwin))
    {
        fc = nn.Linear(inFeatures, 1);
        bias_base = new Parameter(zeros(1));
        bias_deltas = new Parameter(ones(targets));
        RegisterComponents();
    }

    /// <summary>The ordered cut points θ [K] (softplus as log(exp(x) + 1), as the engine computes it).</summary>
    public Tensor Thresholds() => (bias_deltas.exp() + 1f).log().cumsum(0) + bias_base;

    /// <summary>h [B, F] → logits [B, K].</summary>
    public override Tensor forward(Tensor input) => fc.forward(input) - Thresholds().unsqueeze(0);
}
