namespace Ketenaanpak.Graph.Domain.Provenance;

/// <summary>Source reliability of the 5x5x5 grading (the letter).</summary>
public enum SourceReliability
{
    /// <summary>A: always reliable.</summary>
    A = 1,
    /// <summary>B: mostly reliable.</summary>
    B = 2,
    /// <summary>C: sometimes reliable.</summary>
    C = 3,
    /// <summary>D: unreliable.</summary>
    D = 4,
    /// <summary>E: untested source; reliability cannot be judged.</summary>
    E = 5,
}

/// <summary>Information validity of the 5x5x5 grading (the digit).</summary>
public enum InformationValidity
{
    /// <summary>1: known to be true without reservation.</summary>
    KnownTrue = 1,
    /// <summary>2: known personally to the source but not to the officer.</summary>
    KnownToSource = 2,
    /// <summary>3: not personally known to the source but corroborated.</summary>
    Corroborated = 3,
    /// <summary>4: cannot be judged.</summary>
    CannotBeJudged = 4,
    /// <summary>5: suspected to be false.</summary>
    SuspectedFalse = 5,
}

/// <summary>
/// Grading of a fact: how reliable the source is and how valid the information (the 5x5x5 scheme the Dutch police
/// and the RIEC use for intelligence). Written as a letter and a digit, e.g. "B2"; lower is better on both axes.
/// </summary>
public readonly record struct Grading(SourceReliability Source, InformationValidity Validity)
{
    /// <summary>The grading a partner's own registration usually gets: reliable source, known to the source.</summary>
    public static Grading Default { get; } = new(SourceReliability.B, InformationValidity.KnownToSource);

    public string Code => $"{Source}{(int)Validity}";

    public override string ToString() => Code;

    /// <summary>Parses "B2", "b 2" and the like; rejects anything else with a message for the user.</summary>
    public static bool TryParse(string? input, out Grading grading, out string error)
    {
        grading = default;
        var text = (input ?? "").Replace(" ", "").Trim();
        if (text.Length != 2 || !Enum.TryParse<SourceReliability>(text[..1], ignoreCase: true, out var source)
            || !char.IsAsciiLetter(text[0]) || text[1] < '1' || text[1] > '5')
        {
            error = "Een beoordeling bestaat uit een letter A–E (betrouwbaarheid van de bron) en een cijfer 1–5 " +
                    "(juistheid van de informatie), zoals B2.";
            return false;
        }
        grading = new Grading(source, (InformationValidity)(text[1] - '0'));
        error = "";
        return true;
    }

    /// <summary>True when this grading is at least as good as <paramref name="minimum"/> on both axes.</summary>
    public bool IsAtLeast(Grading minimum) => Source <= minimum.Source && Validity <= minimum.Validity;
}
