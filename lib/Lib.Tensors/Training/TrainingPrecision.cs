namespace Lib.Tensors.Training;

/// <summary>
/// The numeric precision a <see cref="Trainer{TBatch}"/> trains in, named as Lightning's <c>precision</c> argument.
/// The engine computes in float32 only, so <c>"32"</c> (or <c>"32-true"</c>) is accepted and every other value —
/// <c>"16"</c>, <c>"16-mixed"</c>, <c>"bf16"</c>, <c>"bf16-mixed"</c>, <c>"64"</c> — is refused with a message that
/// says so, rather than silently training in float32.
/// </summary>
public static class TrainingPrecision
{
    /// <summary>The one precision the engine computes in: float32.</summary>
    public const string Float32 = "32";

    /// <summary>Returns <see cref="Float32"/> for <c>"32"</c> or <c>"32-true"</c> (any case, spaces trimmed).</summary>
    /// <param name="precision">The requested precision.</param>
    /// <param name="source">What the value came from (an option or property name), for the message.</param>
    /// <exception cref="ArgumentException">Any other precision: the engine is float32 only.</exception>
    public static string Validate(string? precision, string source = "Precision")
    {
        var text = precision?.Trim().ToLowerInvariant();
        if (text is "32" or "32-true")
            return Float32;
        throw new ArgumentException(
            $"{source} '{precision}' is not supported: the engine computes in float32 only, so the precision must be "
                + "\"32\" (half, bfloat16, mixed and 64-bit precision are not implemented)."
        );
    }
}
