using Ketenaanpak.Graph.Domain.Barriers;
using Ketenaanpak.Graph.Domain.Graph;
using Ketenaanpak.Graph.Domain.Partners;
using Microsoft.Extensions.Options;

namespace Ketenaanpak.Graph.Application.Barriers;

/// <summary>One configured phase: its id (in files and the API), its Dutch name and who raises its barriers, in words.</summary>
public sealed class BarrierPhaseOption
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public string BarrierOwners { get; set; } = "";
}

/// <summary>
/// Section "BarrierModel": the ordered phases (empty: the default seven of domain.md §3) and which partner kinds own the
/// barrier of a phase (key "phase", or "phase/NodeKind" for one kind of facilitator; value: partner kinds in order of
/// preference, comma-separated). A municipality kind resolves to the dossier's lead municipality. Checked at start.
/// </summary>
public sealed class BarrierModelOptions
{
    public const string Section = "BarrierModel";

    public List<BarrierPhaseOption> Phases { get; set; } = [];

    public Dictionary<string, string> Owners { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Barriers in a plan when the request names no budget.</summary>
    public int DefaultBudget { get; set; } = 3;

    public const int MaxBudget = 60;

    private static readonly Dictionary<string, PartnerKind[]> DefaultOwners = new(StringComparer.OrdinalIgnoreCase)
    {
        ["recruitment"] = [PartnerKind.Municipality, PartnerKind.Police],
        ["entry"] = [PartnerKind.RoyalMarechaussee, PartnerKind.Police],
        ["identity"] = [PartnerKind.Municipality, PartnerKind.RoyalMarechaussee],
        ["residence"] = [PartnerKind.Ind],
        ["housing"] = [PartnerKind.Municipality],
        ["work"] = [PartnerKind.LabourInspectorate, PartnerKind.Municipality],
        ["finance"] = [PartnerKind.Fiod, PartnerKind.TaxAuthority, PartnerKind.Municipality],
    };

    /// <summary>The phases in order: the configured ones, or the default seven.</summary>
    public IReadOnlyList<BarrierPhase> EffectivePhases() =>
        Phases.Count == 0 ? BarrierPhase.Default
        : [.. Phases.Select((p, i) => new BarrierPhase(p.Code.Trim(), i + 1, p.Name.Trim(), "", "", p.BarrierOwners.Trim()))];

    /// <summary>The partner kinds that own the barrier of <paramref name="phase"/> for a facilitator of <paramref name="kind"/>.</summary>
    public IReadOnlyList<PartnerKind> OwnerKinds(string phase, NodeKind? kind)
    {
        if (kind is { } k && Owners.TryGetValue($"{phase}/{k}", out var specific)) return Parse(specific);
        if (Owners.TryGetValue(phase, out var configured)) return Parse(configured);
        return DefaultOwners.TryGetValue(phase, out var kinds) ? kinds : [];
    }

    private static PartnerKind[] Parse(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Enum.Parse<PartnerKind>)];

    /// <summary>What is wrong with the configuration, in words for the operator; empty when it is usable.</summary>
    public IEnumerable<string> Problems()
    {
        var codes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var p in Phases)
        {
            if (string.IsNullOrWhiteSpace(p.Code) || !p.Code.Trim().All(c => char.IsAsciiLetterLower(c) || c == '-') || p.Code.Length > 40)
                yield return $"BarrierModel:Phases: '{p.Code}' is not a phase id (lower-case letters and '-', at most 40).";
            else if (!codes.Add(p.Code.Trim())) yield return $"BarrierModel:Phases: '{p.Code}' appears twice.";
            if (string.IsNullOrWhiteSpace(p.Name)) yield return $"BarrierModel:Phases: phase '{p.Code}' needs a Dutch name.";
        }
        var known = EffectivePhases().Select(p => p.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in Owners)
        {
            var parts = key.Split('/');
            if (!known.Contains(parts[0])) yield return $"BarrierModel:Owners: '{key}' names no configured phase.";
            if (parts.Length > 2 || (parts.Length == 2 && !Enum.TryParse<NodeKind>(parts[1], out _)))
                yield return $"BarrierModel:Owners: '{key}' should be 'phase' or 'phase/NodeKind'.";
            foreach (var kind in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                if (!Enum.TryParse<PartnerKind>(kind, out _)) yield return $"BarrierModel:Owners:{key}: '{kind}' is not a partner kind.";
        }
        if (DefaultBudget is < 1 or > MaxBudget) yield return $"BarrierModel:DefaultBudget must be between 1 and {MaxBudget}.";
    }
}

/// <summary>Refuses to start with a barrier model configuration that names unknown phases, kinds or partners.</summary>
public sealed class BarrierModelOptionsValidator : IValidateOptions<BarrierModelOptions>
{
    public ValidateOptionsResult Validate(string? name, BarrierModelOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
