using System.Text.Json;
using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Cli.Common;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Infrastructure.Identity;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Cli.Store;

/// <summary>
/// `ketenaanpak user add`: creates an account on the configured store — how a server install gets its first
/// administrator (server mode has no demo accounts). The password comes from the environment variable
/// KETENAANPAK_PASSWORD, never from the command line, so it stays out of shell history and process lists.
/// </summary>
public static class UserCommand
{
    public const string PasswordVariable = "KETENAANPAK_PASSWORD";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var a = new CliArgs(args);
        if (a.Positional.FirstOrDefault() != "add")
            throw new CliUsageException("use: ketenaanpak user add --name NAME --role ROLE --partner CODE [--partner-name NAME --partner-kind KIND] [--display NAME]");
        var name = a.Require("name");
        var role = Roles.All.FirstOrDefault(r => string.Equals(r, a.Require("role"), StringComparison.OrdinalIgnoreCase))
            ?? throw new CliUsageException($"--role must be one of {string.Join(", ", Roles.All)}.");
        var partnerCode = a.Require("partner");
        var password = Environment.GetEnvironmentVariable(PasswordVariable);
        if (string.IsNullOrEmpty(password))
            throw new CliUsageException($"set the password in the environment variable {PasswordVariable}.");

        using var host = CliHost.Build(args, withAccounts: true);
        await host.Services.GetRequiredService<StoreInitialiser>().InitialiseAsync(CancellationToken.None);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GraphDbContext>();
        var partner = await db.Partners.SingleOrDefaultAsync(p => p.Code == partnerCode);
        if (partner is null)
        {
            if (a.Get("partner-name") is not { } partnerName || !Enum.TryParse<PartnerKind>(a.Get("partner-kind"), ignoreCase: true, out var kind))
                throw new CliUsageException($"partner '{partnerCode}' does not exist; give --partner-name and --partner-kind ({string.Join(", ", Enum.GetNames<PartnerKind>())}) to create it.");
            partner = new Partner(PartnerId.New(), partnerCode, partnerName, kind, a.Get("municipality"));
            db.Partners.Add(partner);
            await db.SaveChangesAsync();
        }
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByNameAsync(name) is not null) throw new CliUsageException($"an account named '{name}' already exists.");
        var user = new ApplicationUser { UserName = name, DisplayName = a.Get("display") ?? name, PartnerId = partner.Id, LockoutEnabled = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) throw new CliUsageException(string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        stdout.WriteLine(JsonSerializer.Serialize(new { command = "user add", name, role, partner = partner.Code }));
        return 0;
    }
}
