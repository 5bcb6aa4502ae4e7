namespace Benchmarks;

/// <summary>One benchmark verb: <c>dotnet run -c Release --project tests/Benchmarks -- NAME [--json]</c>.</summary>
internal interface IBenchmark
{
    /// <summary>The verb that selects it.</summary>
    string Name { get; }

    /// <summary>One line for <c>--help</c>.</summary>
    string Description { get; }

    /// <summary>Runs it and writes results: one JSON object per line with <paramref name="json"/>, a table otherwise.</summary>
    int Run(IReadOnlyList<string> args, bool json, TextWriter output);
}
