using System.Reflection;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Lib.Tensors.IO;

namespace Lib.Storage;

/// <summary>
/// The derived-data cache: a step recomputes only when its inputs, parameters or code version
/// changed, or when its cached outputs are missing or corrupt (their SHA-256 no longer matches).
/// A build writes into a staging folder that replaces the cached one by renames, and the manifest is
/// written last, so a crash or kill never leaves a half-written cache: the previous outputs stay
/// valid, or the step is simply rebuilt.
/// </summary>
public sealed class DerivedCache(string root)
{
    /// <summary>The cache's folder.</summary>
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>Whether the step's cached outputs are current; null when they are, else why not.</summary>
    public string? WhyStale(CacheStep step)
    {
        var dir = Path.Combine(Root, step.Name);
        var manifest = CacheManifest.TryLoad(Path.Combine(dir, CacheManifest.FileName));
        if (manifest is null)
            return Directory.Exists(dir) ? "its manifest is missing or unreadable" : "it has not been built";
        if (manifest.CodeVersion != step.CodeVersion)
            return $"code version changed ({manifest.CodeVersion} -> {step.CodeVersion})";
        foreach (var (key, value) in step.Parameters)
            if (!manifest.Parameters.TryGetValue(key, out var old) || old != value)
                return $"parameter '{key}' changed ({old ?? "unset"} -> {value})";
        foreach (var key in manifest.Parameters.Keys)
            if (!step.Parameters.ContainsKey(key))
                return $"parameter '{key}' was removed";

        var inputs = step.Inputs.Select(Path.GetFullPath).ToList();
        if (
            !inputs
                .Order(StringComparer.Ordinal)
                .SequenceEqual(manifest.Inputs.Select(i => i.Path).Order(StringComparer.Ordinal))
        )
            return "its list of input files changed";
        foreach (var recorded in manifest.Inputs)
        {
            if (!File.Exists(recorded.Path))
                return $"input {recorded.Path} is missing";
            var info = new FileInfo(recorded.Path);
            if (info.Length == recorded.Bytes && info.LastWriteTimeUtc == recorded.LastWriteUtc)
                continue; // unchanged since hashed
            if (Hash(recorded.Path) != recorded.Sha256)
                return $"input {recorded.Path} changed";
        }
        foreach (var output in manifest.Outputs)
        {
            var path = Path.Combine(dir, output.Path);
            if (!File.Exists(path))
                return $"output {output.Path} is missing";
            if (new FileInfo(path).Length != output.Bytes || Hash(path) != output.Sha256)
                return $"output {output.Path} is corrupt (its hash does not match the manifest)";
        }
        if (
            !step
                .Outputs.Order(StringComparer.Ordinal)
                .SequenceEqual(manifest.Outputs.Select(o => o.Path).Order(StringComparer.Ordinal))
        )
            return "its list of outputs changed";
        return null;
    }

    /// <summary>
    /// Returns the step's outputs, running <paramref name="build"/> first when they are stale (or
    /// always, with <paramref name="force"/>). An exception from the build leaves the cache as it was.
    /// </summary>
    public CacheResult Run(CacheStep step, Action<CacheBuild> build, bool force = false) =>
        RunAsync(
                step,
                b =>
                {
                    build(b);
                    return Task.CompletedTask;
                },
                force
            )
            .GetAwaiter()
            .GetResult();

    /// <summary>The asynchronous form of <see cref="Run"/>.</summary>
    public async Task<CacheResult> RunAsync(CacheStep step, Func<CacheBuild, Task> build, bool force = false)
    {
        Directory.CreateDirectory(Root);
        var dir = Path.Combine(Root, step.Name);
        using var exclusive = await AcquireLockAsync(step);
        CleanLeftovers(step);

        var reason = force ? "forced rebuild" : WhyStale(step);
        if (reason is null)
            return new CacheResult(
                dir,
                false,
                "up to date",
                CacheManifest.TryLoad(Path.Combine(dir, CacheManifest.FileName))!
            );

        var inputs = step
            .Inputs.Select(p =>
            {
                var full = Path.GetFullPath(p);
                if (!File.Exists(full))
                    throw new FileNotFoundException($"Cache step '{step.Name}': input {full} does not exist.", full);
                return Describe(full, full);
            })
            .ToList();

        var staging = Path.Combine(Root, $".{step.Name}.building-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        try
        {
            var context = new CacheBuild(staging, step);
            await build(context);
            var outputs = step
                .Outputs.Select(o =>
                {
                    var path = Path.Combine(staging, o);
                    if (!File.Exists(path))
                        throw new InvalidOperationException(
                            $"Cache step '{step.Name}' finished without writing its declared output '{o}'."
                        );
                    return Describe(path, o) with { Rows = context.RowsOf(o) };
                })
                .ToList();
            var manifest = new CacheManifest(
                step.Name,
                step.CodeVersion,
                DateTime.UtcNow,
                inputs,
                new SortedDictionary<string, string>(step.Parameters, StringComparer.Ordinal),
                outputs,
                Versions()
            );
            AtomicFile.WriteAllText(Path.Combine(staging, CacheManifest.FileName), manifest.ToJson());
            Swap(staging, dir);
            return new CacheResult(dir, true, reason, manifest);
        }
        finally
        {
            if (Directory.Exists(staging))
                TryDelete(staging);
        }
    }

    /// <summary>Replaces <paramref name="dir"/> by <paramref name="staging"/> with renames (the old folder is moved
    /// aside, then deleted).</summary>
    private void Swap(string staging, string dir)
    {
        string? old = null;
        if (Directory.Exists(dir))
        {
            old = Path.Combine(Root, $".{Path.GetFileName(dir)}.old-{Guid.NewGuid():N}");
            Directory.Move(dir, old);
        }
        Directory.Move(staging, dir);
        if (old is not null)
            TryDelete(old);
    }

    private void CleanLeftovers(CacheStep step)
    {
        foreach (var leftover in Directory.EnumerateDirectories(Root, $".{step.Name}.*"))
            if (
                leftover.Contains(".building-", StringComparison.Ordinal)
                || leftover.Contains(".old-", StringComparison.Ordinal)
            )
                TryDelete(leftover);
    }

    private async Task<FileStream> AcquireLockAsync(CacheStep step)
    {
        var path = Path.Combine(Root, $".{step.Name}.lock");
        for (int attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(
                    path,
                    FileMode.OpenOrCreate,
                    FileAccess.ReadWrite,
                    FileShare.None,
                    1,
                    FileOptions.DeleteOnClose
                );
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(100);
            }
        }
    }

    private static CachedFile Describe(string path, string recordedPath)
    {
        var info = new FileInfo(path);
        return new CachedFile(recordedPath, Hash(path), info.Length, info.LastWriteTimeUtc);
    }

    private static string Hash(string path)
    {
        using var stream = new FileStream(
            path,
            FileMode.Open,
            FileAccess.Read,
            FileShare.Read,
            1 << 16,
            FileOptions.SequentialScan
        );
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static Dictionary<string, string> Versions() =>
        new()
        {
            ["lab"] = typeof(DerivedCache)
                .Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()
                ?.InformationalVersion
                ?? "unknown",
            ["dotnet"] = RuntimeInformation.FrameworkDescription,
        };

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
