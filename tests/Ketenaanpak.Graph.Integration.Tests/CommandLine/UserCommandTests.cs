using System.Net;
using Ketenaanpak.Graph.Cli;
using Ketenaanpak.Graph.Cli.Store;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;

namespace Ketenaanpak.Graph.Integration.Tests.CommandLine;

/// <summary>A server install (PostgreSQL, no demo) gets its first administrator from the CLI, who can then sign in.</summary>
[Collection(HostsCollection.Name)]
public sealed class UserCommandTests(PostgreSqlTestStore store) : IClassFixture<PostgreSqlTestStore>
{
    private string[] Store(params string[] args) =>
        [.. args, "--Storage:Provider", "PostgreSql", "--ConnectionStrings:Graph", store.ConnectionString, "--Demo:Enabled", "false"];

    [Fact]
    public async Task UserAdd_ServerMode_CreatesPartnerAndAdministratorWhoCanSignIn()
    {
        Environment.SetEnvironmentVariable(UserCommand.PasswordVariable, SignIn.DemoPassword);
        try
        {
            var stdout = new StringWriter();
            var stderr = new StringWriter();
            var code = await Commands.RunAsync(Store("user", "add", "--name", "eerste-beheerder", "--role", "administrator", "--partner", "RIEC-ON",
                "--partner-name", "RIEC Oost-Nederland", "--partner-kind", "Riec"), stdout, stderr);
            Assert.True(code == 0, stderr.ToString());
            Assert.Contains("\"role\":\"Administrator\"", stdout.ToString());

            var again = new StringWriter();
            Assert.Equal(2, await Commands.RunAsync(Store("user", "add", "--name", "eerste-beheerder", "--role", "Administrator", "--partner", "RIEC-ON"), new StringWriter(), again));
            Assert.Contains("already exists", again.ToString());
            var badRole = new StringWriter();
            Assert.Equal(2, await Commands.RunAsync(Store("user", "add", "--name", "x", "--role", "Koning", "--partner", "RIEC-ON"), new StringWriter(), badRole));
            Assert.Contains("--role must be one of", badRole.ToString());

            await using var app = new AppFactory(store, demo: false);
            using var client = await SignIn.AsAsync(app, "eerste-beheerder");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/hangfire")).StatusCode);
        }
        finally
        {
            Environment.SetEnvironmentVariable(UserCommand.PasswordVariable, null);
        }
    }

    [Fact]
    public async Task UserAdd_WithoutPasswordVariable_RefusesWithoutTouchingTheStore()
    {
        Environment.SetEnvironmentVariable(UserCommand.PasswordVariable, null);
        var stderr = new StringWriter();
        Assert.Equal(2, await Commands.RunAsync(Store("user", "add", "--name", "y", "--role", "RiecAnalyst", "--partner", "RIEC-ON"), new StringWriter(), stderr));
        Assert.Contains("KETENAANPAK_PASSWORD", stderr.ToString());
    }
}
