namespace Lib.Tensors.NN;

/// <summary>
/// The plain versions of the engine's fused ops, composed from primitives (matmul, add, mul, sigmoid, tanh,
/// softmax, ...) whose gradients autograd derives, as <c>Kernels/Gemm/GemmReference</c> is for the GEMM (and as
/// PyTorch's <c>torch._refs</c> are for its kernels). Each gives the fused op's values and gradients within
/// float rounding, on every path the fused op supports; the modules and <see cref="Functional"/> run them
/// inside a <see cref="FusedOps.Disable"/> scope. Slow by design: read them to see what a fused op computes.
/// </summary>
public static partial class Composed { }
