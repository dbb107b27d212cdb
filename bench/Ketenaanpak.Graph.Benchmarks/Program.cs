using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Ketenaanpak.Graph.Benchmarks -- --filter '*' --job short
// For the side-by-side ratio against igraph use `ketenaanpak bench <algo>` (docs/benchmarks.md).
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
