using Lib.Climbing.Domain;

namespace Lib.Climbing.Model;

/// <summary>
/// What a grade model needs besides its weights to turn a route into its input and its output into a grade (the
/// <c>Inputs</c> of its <see cref="Lib.Workflow.ModelCard{TConfig, TInputs}"/>): the token features in order, the
/// vocabulary, the boards of the training routes with every hold's coordinates, the grade table and the target's
/// standardisation. Prediction needs no other file.
/// </summary>
public sealed record GradeInputs
{
    /// <summary>The token features in order (must match the tokenizer's).</summary>
    public required IReadOnlyList<string> FeatureNames { get; init; }

    /// <summary>The vocabulary, by id.</summary>
    public required IReadOnlyList<string> Vocabulary { get; init; }

    /// <summary>The boards of the training routes, with their hold coordinates (the coordinate table).</summary>
    public required IReadOnlyList<Board> Boards { get; init; }

    /// <summary>The grade table.</summary>
    public required IReadOnlyList<GradeEntry> Grades { get; init; }

    /// <summary>The training targets' mean (difficulty = mean + std × output).</summary>
    public required double TargetMean { get; init; }

    /// <summary>The training targets' standard deviation.</summary>
    public required double TargetStd { get; init; }
}
