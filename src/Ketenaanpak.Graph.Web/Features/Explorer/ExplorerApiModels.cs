using Ketenaanpak.Graph.Application.Explorer;

namespace Ketenaanpak.Graph.Web.Features.Explorer;

/// <summary>Expand <see cref="Node"/>: skip the first <see cref="Skip"/> neighbours not in view, show the next <see cref="Take"/>.</summary>
public sealed record ExpandRequest(string? Node, int Skip, int Take, IReadOnlyList<string>? InView);

public sealed record ElementsRequest(IReadOnlyList<string>? Ids);

public sealed record SaveViewRequest(string? Name, string? Dossier, ViewState? State);
