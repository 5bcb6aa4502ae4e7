using Benchmarks;

// Every benchmark the lab has; each is a file of its own implementing IBenchmark.
IBenchmark[] benchmarks =
[
    new GemmBenchmark(),
    new DuckDbBenchmark(),
    new ModelsBenchmark(),
    new ParaglidingBenchmark(),
];

var verb = args.FirstOrDefault();
if (verb is null or "--help" or "-h" or "help")
{
    Console.WriteLine("Usage: dotnet run -c Release --project tests/Benchmarks -- <benchmark> [--json] [options]");
    Console.WriteLine();
    Console.WriteLine("Benchmarks:");
    foreach (var b in benchmarks) Console.WriteLine($"  {b.Name,-10} {b.Description}");
    Console.WriteLine();
    Console.WriteLine("--json prints one JSON object per line (for comparing with the output of tests/Benchmarks/pytorch/ and reference/).");
    return verb is null ? 2 : 0;
}

var benchmark = benchmarks.FirstOrDefault(b => b.Name == verb);
if (benchmark is null)
{
    Console.Error.WriteLine($"Unknown benchmark '{verb}'. Known: {string.Join(", ", benchmarks.Select(b => b.Name))}.");
    return 2;
}
#if DEBUG
Console.Error.WriteLine("warning: this is a Debug build; run with -c Release for real numbers.");
#endif
var rest = args.Skip(1).ToList();
bool json = rest.Remove("--json");
return benchmark.Run(rest, json, Console.Out);
