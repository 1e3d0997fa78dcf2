using BenchmarkDotNet.Running;

namespace EditorialArchive.MicroBenchmarks;

/// <summary>dotnet run -c Release --project tests/EditorialArchive.MicroBenchmarks -- --filter '*' --job short</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
