using Lib.Tensors;

namespace Lib.Splits.Model;

/// <summary>
/// Where a <see cref="SplitModel"/>'s encoder runs other than the engine (<c>lab splits find --device torch-cpu |
/// cuda</c>): the per-frame compression (<c>[n, InputSize]</c> → <c>[n, C]</c>) and the LSTM over compressed clips
/// (<c>[B, F, C]</c> → <c>[B, E]</c>), each taking and returning CPU values as engine tensors. The clip cutting, the
/// scaling, the pair head and the search stay the model's.
/// </summary>
/// <param name="Compress">The compression of frames.</param>
/// <param name="EncodeCompressed">The clip vectors of compressed clips.</param>
public sealed record SplitRunner(Func<Tensor, Tensor> Compress, Func<Tensor, Tensor> EncodeCompressed);
