using Ketenaanpak.Graph.Application.Analytics;
using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Provenance;
using Ketenaanpak.Graph.Integration.Tests.Store;
using Ketenaanpak.Graph.Integration.Tests.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Ketenaanpak.Graph.Integration.Tests.Explorer;

/// <summary>
/// Entities with known spellings and identifiers added to the demo store (RIEC-sourced, chain-wide readable), plus one
/// police-only person, so search and the entity page can be checked against values written here by hand.
/// </summary>
public sealed record ExplorerTestData(NodeId Wojcik, NodeId Ivanov, NodeId Account, NodeId Phone, NodeId Address, NodeId Secret, string DossierNumber)
{
    public const string SecretName = "Verborgen Koerier Zwaluw";

    public static async Task<ExplorerTestData> ArrangeAsync(AppFactory app, TestStore store)
    {
        using (app.CreateClient()) { }
        await using var db = store.NewContext();
        var riec = await db.Partners.SingleAsync(p => p.Code == "RIEC-ON");
        var police = await db.Partners.SingleAsync(p => p.Code == "POL-ON");
        var dossier = await db.Dossiers.OrderBy(d => d.Number).FirstAsync(d => d.Title == "Huisjesmelker Enschede-Oost");
        async Task<NodeId> Existing(string caption) => (await db.Nodes.SingleAsync(n => n.Caption == caption)).Id;
        if (await db.Nodes.AnyAsync(n => n.Caption == "Anna Wójcik"))
            return new(await Existing("Anna Wójcik"), await Existing("Сергій Іванов"), await Existing("NL91 ABNA 0417 1643 00"),
                await Existing("06 12345678"), await Existing("Teststraat 12, 7511 AB Enschede"), await Existing(SecretName), dossier.Number);

        var now = new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero);
        var open = new Provenance(riec.Id, null, "test", now.AddDays(-3), now, new Grading(SourceReliability.A, InformationValidity.KnownTrue),
            LegalBasis.Covenant, HandlingCode.Chain, new DateOnly(2031, 1, 1));
        var secret = new Provenance(police.Id, null, "test", now.AddDays(-1), now, Grading.Default, LegalBasis.PoliceDataAct, HandlingCode.SourceOnly, new DateOnly(2031, 1, 1));
        Node Add(NodeKind kind, string caption, Provenance p, params (string Property, string Value)[] values)
        {
            var canonical = values.ToDictionary(v => v.Property, v => NodeSchema.Normalise(NodeSchema.Property(kind, v.Property)!, v.Value));
            var node = new Node(NodeId.New(), kind, caption, ExactKeys.For(kind, canonical), p);
            foreach (var (property, value) in canonical) node.State(property, value, p);
            db.Nodes.Add(node);
            return node;
        }
        var wojcik = Add(NodeKind.Person, "Anna Wójcik", open, ("firstName", "Anna"), ("lastName", "Wójcik"));
        var ivanov = Add(NodeKind.Person, "Сергій Іванов", open, ("firstName", "Сергій"), ("lastName", "Іванов"));
        var account = Add(NodeKind.BankAccount, "NL91 ABNA 0417 1643 00", open, ("iban", "NL91ABNA0417164300"));
        var phone = Add(NodeKind.Phone, "06 12345678", open, ("number", "+31612345678"));
        var address = Add(NodeKind.Address, "Teststraat 12, 7511 AB Enschede", open, ("street", "Teststraat"), ("houseNumber", "12"), ("postcode", "7511 AB"), ("town", "Enschede"));
        var hidden = Add(NodeKind.Person, SecretName, secret, ("lastName", "Zwaluw"));
        wojcik.State("alias", "Ania", secret); // a police-only statement: 'vraag na' for the analyst
        db.Relations.Add(new Relation(RelationId.New(), RelationType.UsesAccount, wojcik.Id, account.Id, new DateOnly(2025, 3, 1), null, 1, null, open));
        db.Relations.Add(new Relation(RelationId.New(), RelationType.UsesPhone, wojcik.Id, phone.Id, null, null, 1, null, open));
        db.Relations.Add(new Relation(RelationId.New(), RelationType.RegisteredAt, wojcik.Id, address.Id, new DateOnly(2024, 1, 1), new DateOnly(2025, 12, 31), 1, null, open));
        db.Relations.Add(new Relation(RelationId.New(), RelationType.RegisteredAt, ivanov.Id, address.Id, null, null, 1, null, open));
        db.Relations.Add(new Relation(RelationId.New(), RelationType.Associate, wojcik.Id, hidden.Id, null, null, 1, null, secret));
        var tracked = await db.Dossiers.Include(d => d.Members).SingleAsync(d => d.Id == dossier.Id);
        tracked.AddMember(wojcik.Id, DossierRole.Facilitator, PerpetratorRole.Unknown, FacilitatorAwareness.Unknowing, open);
        await db.SaveChangesAsync();
        await app.Services.GetRequiredService<GraphSnapshotService>().RefreshIfChangedAsync();
        return new(wojcik.Id, ivanov.Id, account.Id, phone.Id, address.Id, hidden.Id, dossier.Number);
    }
}
