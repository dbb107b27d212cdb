using System.Globalization;
using System.Xml;

namespace Ketenaanpak.Graph.Analytics.Io;

/// <summary>
/// Reads GraphML nodes and edges as an undirected simple graph (direction ignored; duplicate and reversed edges
/// collapse, first weight kept; self-loops dropped). An edge data key whose attr.name is "weight" gives the weight.
/// Isolated nodes are kept. Vertex order as peers.py (shorter names first).
/// </summary>
public static class GraphMlReader
{
    /// <summary>Reads a GraphML document.</summary>
    public static EdgeListData Read(TextReader text)
    {
        var names = new List<string>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var u = new List<int>();
        var v = new List<int>();
        var w = new List<double>();
        var seen = new HashSet<long>(Internal.PairKeyComparer.Instance);
        string? weightKey = null;
        int dups = 0, loops = 0;
        using var x = XmlReader.Create(text, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreWhitespace = true });
        string? src = null, dst = null;
        double weight = 1.0;
        bool positioned = false; // ReadElementContentAsString already moved to the next node
        while (positioned || x.Read())
        {
            positioned = false;
            if (x.NodeType == XmlNodeType.Element)
            {
                switch (x.LocalName)
                {
                    case "key" when x.GetAttribute("attr.name") == "weight" && x.GetAttribute("for") is "edge" or "all":
                        weightKey = x.GetAttribute("id");
                        break;
                    case "node":
                        Intern(x.GetAttribute("id") ?? throw new FormatException("GraphML node without id"));
                        break;
                    case "edge":
                        src = x.GetAttribute("source");
                        dst = x.GetAttribute("target");
                        weight = 1.0;
                        if (x.IsEmptyElement) Flush();
                        break;
                    case "data" when src is not null && x.GetAttribute("key") == weightKey:
                        weight = double.Parse(x.ReadElementContentAsString(), CultureInfo.InvariantCulture);
                        positioned = true;
                        break;
                }
            }
            else if (x.NodeType == XmlNodeType.EndElement && x.LocalName == "edge") Flush();
        }
        var notes = new List<string>();
        if (loops > 0) notes.Add($"dropped {loops} self-loop(s)");
        if (dups > 0) notes.Add($"collapsed {dups} duplicate or reversed edge(s)");
        return EdgeListData.Ordered(names, u, v, w, notes);

        void Flush()
        {
            if (src is null || dst is null) throw new FormatException("GraphML edge without source or target");
            int a = Intern(src), b = Intern(dst);
            src = dst = null;
            if (a == b) { loops++; return; }
            long key = a < b ? ((long)a << 32) | (uint)b : ((long)b << 32) | (uint)a;
            if (!seen.Add(key)) { dups++; return; }
            u.Add(a); v.Add(b); w.Add(weight);
        }

        int Intern(string name)
        {
            if (ids.TryGetValue(name, out int id)) return id;
            ids.Add(name, names.Count);
            names.Add(name);
            return names.Count - 1;
        }
    }
}
