namespace Lib.Tensors.Kernels;

/// <summary>The portable micro-kernel: a 4 x 4 tile in scalar accumulators. Runs on every machine; the
/// fallback.</summary>
internal readonly unsafe struct KernelScalar : IGemmKernel
{
    public static int MR => 4;
    public static int NR => 4;
    public static int NRTail => 1;

    public static void Tile(
        int kc,
        float* a,
        nint aStep,
        float* b,
        int width,
        float* c,
        nint ldc,
        int rows,
        int cols,
        StoreMode mode,
        float alpha,
        float beta,
        float* bias
    )
    {
        float* acc = stackalloc float[16];
        for (int i = 0; i < 16; i++)
            acc[i] = 0f;
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < rows; r++)
            {
                float x = a[r];
                for (int j = 0; j < width; j++)
                    acc[r * 4 + j] += x * b[j];
            }
            a += aStep;
            b += width;
        }
        for (int r = 0; r < rows; r++, c += ldc)
        {
            for (int j = 0; j < cols; j++)
            {
                float v = alpha * acc[r * 4 + j];
                c[j] = mode switch
                {
                    StoreMode.Overwrite => v,
                    StoreMode.Accumulate => c[j] + v,
                    StoreMode.Bias => v + bias[j],
                    _ => beta * c[j] + v,
                };
            }
        }
    }
}
