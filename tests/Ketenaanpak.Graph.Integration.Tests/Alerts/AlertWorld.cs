using Ketenaanpak.Graph.Application.Security;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Ketenaanpak.Graph.Integration.Tests.Alerts;

/// <summary>
/// Arranges alert situations on top of the demo region, straight through the domain and the store (the intake form is
/// another branch): partners and actors of the demo, submitted signals with the persons they register at an address.
/// </summary>
internal static class AlertWorld
{
    public static readonly DateTimeOffset Recorded = new(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);

    public static async Task<Partner> PartnerAsync(GraphDbContext db, string code) => await db.Partners.AsNoTracking().SingleAsync(p => p.Code == code);

    public static async Task<Actor> ActorAsync(GraphDbContext db, string code, string role, string user)
    {
        var p = await PartnerAsync(db, code);
        return new Actor("u-" + user, user, role, p.Id, p.Kind, p.IsCovenant, role == Roles.MunicipalCoordinator ? p.MunicipalityCode : null);
    }

    public static Provenance Prov(Partner partner, SignalId? signal, HandlingCode handling = HandlingCode.Chain, LegalBasis basis = LegalBasis.Covenant) =>
        new(partner.Id, signal, "test", Recorded.AddDays(-1), Recorded, Grading.Default, basis, handling, new DateOnly(2031, 1, 1));

    /// <summary>
    /// A submitted signal of <paramref name="partnerCode"/> that registers <paramref name="persons"/> new persons at a new
    /// address (or <paramref name="address"/>), one a day; returns the signal, the address and the persons.
    /// </summary>
    public static async Task<(Signal Signal, NodeId Address, List<NodeId> Persons)> RegistrationsAsync(GraphDbContext db, string partnerCode,
        int persons, NodeId? address = null, bool urgent = false, string municipality = "GM0153", string? street = null)
    {
        var partner = await PartnerAsync(db, partnerCode);
        var id = SignalId.New();
        var prov = Prov(partner, id);
        var signal = new Signal(id, "SIG-T-" + Guid.NewGuid().ToString("N")[..8], "Baliemedewerker", DateOnly.FromDateTime(Recorded.UtcDateTime),
            municipality, ExploitationForm.Unknown, Sector.Unknown, "Testsignaal", urgent, prov);
        NodeId addressId;
        if (address is { } existing) addressId = existing;
        else
        {
            var node = new Node(NodeId.New(), NodeKind.Address, street ?? $"Teststraat {Random.Shared.Next(1, 9999)}, Enschede", null, prov);
            db.Nodes.Add(node);
            addressId = node.Id;
        }
        signal.Mention(addressId, "adres");
        var list = new List<NodeId>();
        for (var i = 0; i < persons; i++)
        {
            var person = new Node(NodeId.New(), NodeKind.Person, $"Ingeschrevene {i} {id.Value.ToString("N")[..4]}", null, prov);
            db.Nodes.Add(person);
            db.Relations.Add(new Relation(RelationId.New(), RelationType.RegisteredAt, person.Id, addressId, new DateOnly(2026, 10, 1).AddDays(i), null, 1, null, prov));
            signal.Mention(person.Id, "ingeschrevene");
            list.Add(person.Id);
        }
        signal.Submit(Recorded);
        db.Signals.Add(signal);
        await db.SaveChangesAsync();
        return (signal, addressId, list);
    }
}
