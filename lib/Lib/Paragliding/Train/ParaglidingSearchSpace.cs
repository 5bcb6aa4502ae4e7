using Lib.Tuning;

namespace Lib.Paragliding.Train;

/// <summary>
/// The random search's space, Glideator's (<c>perform_hyperparameter_search</c> over <c>learning_rate</c>,
/// <c>l1_lambda</c>, <c>l2_lambda</c>, <c>monotonicity_lambda</c>, <c>lr_decay</c> and the network's
/// <c>site_embedding_dim</c> and <c>cross_layers</c>), and how a trial's values become options.
/// </summary>
public static class ParaglidingSearchSpace
{
    /// <summary>The default space.</summary>
    public static SearchSpace Default() =>
        new SearchSpace()
            .LogUniform("learning_rate", 3e-4, 1e-2)
            .LogUniform("l1_lambda", 1e-9, 1e-5)
            .LogUniform("l2_lambda", 1e-9, 1e-4)
            .LogUniform("monotonicity_lambda", 1e-3, 10)
            .Uniform("lr_decay", 0.85, 1.0)
            .Choice("site_embedding_dim", 4, 8, 16)
            .Choice("cross_layers", 1, 2, 3);

    /// <summary>The options of a trial: <paramref name="start"/> with the trial's values.</summary>
    public static ParaglidingTrainOptions Apply(ParaglidingTrainOptions start, TrialParameters trial)
    {
        var o = start;
        foreach (var name in trial.Names)
            o = name switch
            {
                "learning_rate" => o with { LearningRate = trial.Get<double>(name) },
                "l1_lambda" => o with { L1 = trial.Get<double>(name) },
                "l2_lambda" => o with { L2 = trial.Get<double>(name) },
                "monotonicity_lambda" => o with { Monotonicity = trial.Get<double>(name) },
                "lr_decay" => o with { LrDecay = trial.Get<double>(name) },
                "site_embedding_dim" => o with { EmbeddingDim = trial.Get<int>(name) },
                "cross_layers" => o with { CrossLayers = trial.Get<int>(name) },
                _ => throw new ArgumentException($"The paragliding search space has no parameter '{name}'."),
            };
        return o;
    }
}
