namespace Lib.Tensors.Kernels;

/// <summary>
/// op(B) [k, n] packed once into the panels the micro-kernel reads, for many products with the same B: an LSTM's
/// recurrent weights, used at every time step. <see cref="Gemm.SgemmPacked"/> then skips the packing that
/// <see cref="Gemm.Sgemm(bool, bool, int, int, int, float, ReadOnlySpan{float}, int, ReadOnlySpan{float}, int,
/// float, Span{float}, int)"/> does on every call. The panels are a copy: later changes to B do not reach them.
/// </summary>
internal sealed unsafe class PackedMatrix
{
    private PackedMatrix(GemmPath path, int k, int n, int width, float[] panels)
    {
        KStep = KcStep(k, path);
        Path = path;
        K = k;
        N = n;
        Width = width;
        Panels = panels;
    }

    /// <summary>The micro-kernel the panels are laid out for.</summary>
    public GemmPath Path { get; }

    /// <summary>The depth of the products.</summary>
    public int K { get; }

    /// <summary>The columns of op(B) and of C.</summary>
    public int N { get; }

    /// <summary>Floats per k: every column's panel, the last rounded up to the kernel's tail width.</summary>
    public int Width { get; }

    /// <summary>The depth of the blocks of k the panels were packed in (the driver's blocking then).</summary>
    public int KStep { get; }

    /// <summary>The packed panels, K · Width floats.</summary>
    public float[] Panels { get; }

    /// <summary>The floats <see cref="Pack(bool, int, int, ReadOnlySpan{float}, int, float[])"/> needs for a [k, n]
    /// op(B) on <paramref name="path"/>.</summary>
    public static int Length(int k, int n, GemmPath path) => k * PanelWidth(n, path);

    /// <summary>
    /// Packs op(B) [k, n] (B stored [n, k] with row stride <paramref name="ldb"/> when <paramref name="transB"/>,
    /// else [k, n]) into <paramref name="panels"/> (at least <see cref="Length"/> floats; the caller's, so that it
    /// can come from a pool) for the machine's GEMM path.
    /// </summary>
    public static PackedMatrix Pack(bool transB, int k, int n, ReadOnlySpan<float> b, int ldb, float[] panels) =>
        Pack(Gemm.Path, transB, k, n, b, ldb, panels);

    /// <summary><see cref="Pack(bool, int, int, ReadOnlySpan{float}, int, float[])"/> for a chosen path (for
    /// tests).</summary>
    public static PackedMatrix Pack(
        GemmPath path,
        bool transB,
        int k,
        int n,
        ReadOnlySpan<float> b,
        int ldb,
        float[] panels
    )
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        GemmArguments.Validate(1, false, transB, 0, n, k, 0, k, 0, b.Length, ldb, 0, 0, n, 0);
        if (!Gemm.IsSupported(path))
            throw new PlatformNotSupportedException($"The {path} GEMM path needs instructions this machine lacks.");
        int width = PanelWidth(n, path);
        if (panels.Length < k * width)
            throw new ArgumentException(
                $"The panels hold {panels.Length} floats but [{k} x {n}] needs {k * width}.",
                nameof(panels)
            );
        fixed (float* pb = b, dst = panels)
        {
            if (path == GemmPath.Vector512)
                GemmDriver<Kernel512>.PackAll(pb, ldb, transB, k, n, width, dst);
            else if (path == GemmPath.Vector256)
                GemmDriver<Kernel256>.PackAll(pb, ldb, transB, k, n, width, dst);
            else
                GemmDriver<KernelScalar>.PackAll(pb, ldb, transB, k, n, width, dst);
        }
        return new PackedMatrix(path, k, n, width, panels);
    }

    /// <summary>The driver's block of k for depth <paramref name="k"/> on <paramref name="path"/> now.</summary>
    public static int KcStep(int k, GemmPath path) =>
        path switch
        {
            GemmPath.Vector512 => GemmDriver<Kernel512>.KcStep(k),
            GemmPath.Vector256 => GemmDriver<Kernel256>.KcStep(k),
            _ => GemmDriver<KernelScalar>.KcStep(k),
        };

    private static int PanelWidth(int n, GemmPath path) =>
        path switch
        {
            GemmPath.Vector512 => GemmDriver<Kernel512>.PackedWidth(n),
            GemmPath.Vector256 => GemmDriver<Kernel256>.PackedWidth(n),
            _ => GemmDriver<KernelScalar>.PackedWidth(n),
        };
}
