using Lib.Climbing.Ingest;
using Lib.Climbing.Model;

namespace Lib.Climbing.Evaluate;

/// <summary>The trained <see cref="GradeModel"/> as an <see cref="IGradePredictor"/>.</summary>
public sealed class TransformerPredictor(GradeModel model) : IGradePredictor
{
    private readonly GradeModel _model = model ?? throw new ArgumentNullException(nameof(model));

    /// <inheritdoc />
    public string Name => "transformer";

    /// <inheritdoc />
    public double[] Predict(IReadOnlyList<Route> routes) => _model.Predict([.. routes.Select(_model.Encode)]);
}
