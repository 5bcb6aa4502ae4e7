namespace Lib.Tensors.Onnx;

/// <summary>
/// A module that writes itself into an ONNX graph. <see cref="OnnxModules.Emit"/> asks this first, so a model of
/// one's own (a sport's network) exports inside a <c>Sequential</c> like the engine's layers do.
/// </summary>
public interface IOnnxExportable
{
    /// <summary>Adds this module's computation on <paramref name="input"/> to <paramref name="graph"/>, naming its
    /// weights under <paramref name="scope"/> (the module's state-dict prefix), and returns the output's
    /// name.</summary>
    string ExportOnnx(OnnxGraph graph, string input, string scope);
}
