using System.Runtime.InteropServices;

namespace Lib.Platform;

/// <summary>An operating system and CPU architecture, spelled the way npm names platform packages (<c>linux-x64</c>,
/// <c>darwin-arm64</c>, <c>win32-x64</c>).</summary>
public readonly record struct PlatformId(string Os, string Arch, bool Musl = false)
{
    /// <summary>The platform this process runs on.</summary>
    public static PlatformId Current { get; } = Detect();

    /// <summary>True on Windows.</summary>
    public bool IsWindows => Os == "win32";

    /// <summary><c>os-arch</c>, with <c>-musl</c> appended for musl libc Linux when <paramref name="withLibc"/> is
    /// set.</summary>
    public string NpmName(bool withLibc = false) => $"{Os}-{Arch}{(withLibc && Musl ? "-musl" : "")}";

    /// <inheritdoc />
    public override string ToString() => NpmName(withLibc: true);

    private static PlatformId Detect()
    {
        string os =
            OperatingSystem.IsWindows() ? "win32"
            : OperatingSystem.IsMacOS() ? "darwin"
            : "linux";
        string arch = RuntimeInformation.ProcessArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            Architecture.X86 => "ia32",
            Architecture.Arm => "arm",
            var other => other.ToString().ToLowerInvariant(),
        };
        bool musl = os == "linux" && Directory.Exists("/lib") && Directory.EnumerateFiles("/lib", "ld-musl-*").Any();
        return new PlatformId(os, arch, musl);
    }
}
