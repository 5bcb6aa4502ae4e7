using System.Reflection;
using System.Runtime.InteropServices;
using Lib.Platform;

namespace Lib.Storage.DuckDb;

/// <summary>
/// Loads libduckdb from where <see cref="NativeTools"/> finds it (npm's <c>@duckdb/node-bindings</c>
/// or <c>LAB_DUCKDB_LIBRARY</c>) and maps the P/Invoke library name <see cref="Name"/> to it.
/// </summary>
internal static class DuckDbLibrary
{
    /// <summary>The library name the <c>[LibraryImport]</c> declarations use.</summary>
    internal const string Name = "duckdb";

    private static readonly Lock Gate = new();
    private static nint _handle;
    private static bool _resolverSet;

    /// <summary>Loads the library (once); throws <see cref="NativeToolNotFoundException"/> when it is not installed.</summary>
    internal static nint Load()
    {
        lock (Gate)
        {
            if (!_resolverSet)
            {
                // One resolver per assembly is allowed; this is Lib's, and it only answers for libduckdb.
                NativeLibrary.SetDllImportResolver(typeof(DuckDbLibrary).Assembly, Resolve);
                _resolverSet = true;
            }
            if (_handle == 0) _handle = NativeLibrary.Load(NativeTools.Locate(NativeTool.DuckDb));
            return _handle;
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath) =>
        libraryName == Name ? Load() : 0;
}
