using System.Text.Json;
using Ketenaanpak.Graph.Cli;

namespace Ketenaanpak.Graph.Application.Tests.Cli;

/// <summary>`ketenaanpak resolve-bench` prints one JSON line with the promised fields, the same for the same seed.</summary>
public sealed class ResolveBenchCommandTests
{
    private static async Task<JsonElement> RunAsync(params string[] args)
    {
        var stdout = new StringWriter();
        Assert.Equal(0, await Commands.RunAsync(["resolve-bench", .. args], stdout, new StringWriter()));
        var lines = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonDocument.Parse(Assert.Single(lines)).RootElement;
    }

    [Fact]
    public async Task ResolveBench_SmallN_OneJsonLineWithPrecisionRecallPerKindAndTimes()
    {
        var json = await RunAsync("--seed", "7", "--stored", "3000", "--new", "400");
        Assert.Equal(3000, json.GetProperty("n_stored").GetInt32());
        Assert.Equal(400, json.GetProperty("n_new").GetInt32());
        Assert.InRange(json.GetProperty("precision").GetDouble(), 0, 1);
        Assert.InRange(json.GetProperty("recall").GetDouble(), 0, 1);
        Assert.True(json.GetProperty("compute_s").GetDouble() >= 0);
        var kinds = json.GetProperty("per_kind").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("Person", kinds);
        Assert.Contains("Address", kinds);
        Assert.Contains("Phone", kinds);
        Assert.Contains("BankAccount", kinds);
        Assert.Contains("Company", kinds);
        foreach (var kind in json.GetProperty("per_kind").EnumerateObject())
        {
            Assert.InRange(kind.Value.GetProperty("precision").GetDouble(), 0, 1);
            Assert.InRange(kind.Value.GetProperty("recall").GetDouble(), 0, 1);
        }
        // Exact keys after reformatting: a phone written +31 6 … or 06-… still links.
        Assert.True(json.GetProperty("per_kind").GetProperty("Phone").GetProperty("recall").GetDouble() >= 0.95);

        var again = await RunAsync("--seed", "7", "--stored", "3000", "--new", "400");
        Assert.Equal(json.GetProperty("precision").GetDouble(), again.GetProperty("precision").GetDouble());
        Assert.Equal(json.GetProperty("recall").GetDouble(), again.GetProperty("recall").GetDouble());
    }

    [Theory]
    [InlineData(new[] { "resolve-bench", "--stored", "-1" }, "--stored must be between")]
    [InlineData(new[] { "resolve-bench", "--nieuw", "5" }, "unknown flag --nieuw")]
    [InlineData(new[] { "resolve-bench", "--duplicates", "2" }, "--duplicates must be a fraction")]
    public async Task ResolveBench_BadArguments_ExitTwo(string[] args, string message)
    {
        var stderr = new StringWriter();
        Assert.Equal(2, await Commands.RunAsync(args, new StringWriter(), stderr));
        Assert.Contains(message, stderr.ToString());
    }
}
