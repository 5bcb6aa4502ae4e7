using Lib.Tensors.NN;

namespace Lib.Tensors.Tests.Golden;

/// <summary>Every loss, through its module, against PyTorch 1.13 (tests/fixtures/torch/loss_*.safetensors).</summary>
public class LossGoldenTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var prefix in new[] { "loss_l1", "loss_mse", "loss_huber_delta1", "loss_huber_delta0p5", "loss_smooth_l1_beta1", "loss_smooth_l1_beta0p5",
                     "loss_bce_with_logits", "loss_bce_with_logits_pos_weight", "loss_cross_entropy", "loss_cross_entropy_ignore",
                     "loss_cross_entropy_label_smoothing", "loss_gaussian_nll", "loss_gaussian_nll_full" })
            foreach (var reduction in new[] { "none", "mean", "sum" }) data.Add($"{prefix}_{reduction}");
        data.Add("loss_cross_entropy_label_smoothing_ignore_mean");
        data.Add("loss_cross_entropy_seq_ignore_mean");
        data.Add("loss_gaussian_nll_eps_clamp_mean");
        data.Add("loss_mixture_gaussian_nll_mean");
        data.Add("loss_mixture_gaussian_nll_none");
        return data;
    }

    [Theory, MemberData(nameof(Cases))]
    public void Loss_and_gradients_match_pytorch(string caseName)
    {
        var f = Fixtures.Load(caseName);
        var cfg = f.Config;
        var r = cfg.Reduction;
        GoldenCheck.Run(f, x => new()
        {
            ["loss"] = f.Op switch
            {
                "nn.L1Loss" => new L1Loss(r).Forward(x["input"], x["target"]),
                "nn.MSELoss" => new MSELoss(r).Forward(x["input"], x["target"]),
                "nn.HuberLoss" => new HuberLoss(r, cfg.Float("delta")).Forward(x["input"], x["target"]),
                "nn.SmoothL1Loss" => new SmoothL1Loss(r, cfg.Float("beta")).Forward(x["input"], x["target"]),
                "nn.BCEWithLogitsLoss" => new BCEWithLogitsLoss(reduction: r, posWeight: x.GetValueOrDefault("pos_weight")).Forward(x["input"], x["target"]),
                "nn.CrossEntropyLoss" => new CrossEntropyLoss(
                        ignoreIndex: cfg.Int("ignore_index", -100), reduction: r, labelSmoothing: cfg.Float("label_smoothing", 0f))
                    .Forward(x["input"], f.Index("input.target")),
                "nn.GaussianNLLLoss" => new GaussianNLLLoss(cfg.Bool("full", false), cfg.Float("eps"), r).Forward(x["input"], x["target"], x["var"]),
                "ref.mixture_gaussian_nll" => Functional.MixtureGaussianNll(x["logits"], x["mu"], x["log_sigma"], x["target"], r),
                _ => throw new InvalidOperationException($"{caseName}: unexpected op {f.Op}"),
            },
        });
    }

    [Fact]
    public void The_fixtures_folder_is_found()
    {
        Assert.True(File.Exists(Path.Combine(Fixtures.Directory, "loss_cross_entropy_mean.safetensors")), Fixtures.Directory);
    }
}
