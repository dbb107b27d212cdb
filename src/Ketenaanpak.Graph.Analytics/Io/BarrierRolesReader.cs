using System.Globalization;
using Ketenaanpak.Graph.Analytics.Barriers;

namespace Ketenaanpak.Graph.Analytics.Io;

/// <summary>
/// Reads a roles file for the barrier plan — CSV with the header <c>id,role,phase</c>; role
/// <c>perpetrator|victim|facilitator|other</c> (Dutch <c>dader|slachtoffer|faciliteerder|overig</c> too), phase one of
/// the configured phase ids, required for a facilitator and ignored for the others — and joins it to a network read
/// from an edge list. An id in the roles file that no edge names becomes an isolated vertex; a vertex without a
/// line is <see cref="BarrierRole.Other"/>.
/// </summary>
public static class BarrierRolesReader
{
    public static (BarrierNetwork Network, IReadOnlyList<string> Names) Read(TextReader roles, EdgeListData edges, IReadOnlyList<string> phases)
    {
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentNullException.ThrowIfNull(edges);
        var names = edges.Names.ToList();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < names.Count; i++) index.TryAdd(names[i], i);
        var phaseIndex = phases.Select((p, i) => (p, i)).ToDictionary(x => x.p, x => x.i, StringComparer.OrdinalIgnoreCase);
        var role = new Dictionary<int, (BarrierRole Role, int Phase, int Line)>();
        int idColumn = 0, roleColumn = 1, phaseColumn = 2;
        var parts = new Range[64];
        int lineNumber = 0;
        bool first = true;
        while (roles.ReadLine() is { } raw)
        {
            lineNumber++;
            var line = raw.TrimStart('\uFEFF');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#')) continue;
            int count = EdgeListReader.SplitCsv(line, parts);
            var fields = parts[..count].Select(r => Unquote(line[r])).ToArray();
            string Field(int column) => column >= 0 && column < fields.Length ? fields[column] : "";
            if (first)
            {
                first = false;
                var header = Enumerable.Range(0, count).Select(c => Field(c).ToLowerInvariant()).ToList();
                if (header.Contains("id") && header.Contains("role"))
                {
                    idColumn = header.IndexOf("id");
                    roleColumn = header.IndexOf("role");
                    phaseColumn = header.IndexOf("phase");
                    continue;
                }
            }
            var id = Field(idColumn);
            if (id.Length == 0) throw new FormatException($"roles line {lineNumber}: the id is empty.");
            var parsedRole = ParseRole(Field(roleColumn), lineNumber);
            int phase = -1;
            if (parsedRole == BarrierRole.Facilitator)
            {
                var phaseText = phaseColumn >= 0 ? Field(phaseColumn) : "";
                if (phaseText.Length == 0)
                    throw new FormatException($"roles line {lineNumber}: facilitator '{id}' has no phase (one of {string.Join(", ", phases)}).");
                if (!phaseIndex.TryGetValue(phaseText, out phase))
                    throw new FormatException($"roles line {lineNumber}: unknown phase '{phaseText}' (one of {string.Join(", ", phases)}).");
            }
            if (!index.TryGetValue(id, out int vertex))
            {
                vertex = names.Count;
                names.Add(id);
                index[id] = vertex;
            }
            if (role.TryGetValue(vertex, out var earlier) && (earlier.Role, earlier.Phase) != (parsedRole, phase))
                throw new FormatException($"roles line {lineNumber}: '{id}' already has another role or phase on line {earlier.Line}.");
            role[vertex] = (parsedRole, phase, lineNumber);
        }
        var roleOf = new BarrierRole[names.Count];
        var phaseOf = new int[names.Count];
        Array.Fill(phaseOf, -1);
        foreach (var (v, (r, p, _)) in role) { roleOf[v] = r; phaseOf[v] = p; }
        var graph = Snapshot.CsrGraph.FromEdges(names.Count, edges.U, edges.V, edges.Weights, directed: false);
        return (new BarrierNetwork(graph, roleOf, phaseOf, phases), names);
    }

    private static BarrierRole ParseRole(string text, int line) => text.Trim().ToLower(CultureInfo.InvariantCulture) switch
    {
        "perpetrator" or "dader" => BarrierRole.Perpetrator,
        "victim" or "slachtoffer" => BarrierRole.Victim,
        "facilitator" or "faciliteerder" => BarrierRole.Facilitator,
        "other" or "overig" or "" => BarrierRole.Other,
        _ => throw new FormatException($"roles line {line}: unknown role '{text}' (perpetrator, victim, facilitator or other)."),
    };

    private static string Unquote(string s) => s.Length >= 2 && s[0] == '"' && s[^1] == '"' ? s[1..^1].Replace("\"\"", "\"") : s;
}
