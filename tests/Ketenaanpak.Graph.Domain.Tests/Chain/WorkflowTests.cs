using Ketenaanpak.Graph.Domain.Common;
using Ketenaanpak.Graph.Domain.Dossiers;
using Ketenaanpak.Graph.Domain.Signals;
using Ketenaanpak.Graph.TestKit.Builders;

namespace Ketenaanpak.Graph.Domain.Tests.Chain;

public sealed class WorkflowTests
{
    /// <summary>A dossier with nothing in it: no signals, members, weighing, interventions or evaluation.</summary>
    public static WorkflowFacts NoFacts() => new(0, 0, 0, 0, [], [], [], false, false, 0, 0, false);

    /// <summary>A dossier that meets every guard.</summary>
    private static WorkflowFacts Complete() => new(2, 1, 3, 1, [], [], [], true, true, 2, 0, true);

    [Fact]
    public void EveryForwardStep_WithEverythingPresent_IsAllowed()
    {
        for (var from = DossierStage.Detection; from < DossierStage.Closed; from++)
            Assert.Empty(DossierWorkflow.Missing(from, from + 1, Complete()));
    }

    [Fact]
    public void SkippingAStep_IsRefused_NamingTheStepInBetween()
    {
        var missing = Assert.Single(DossierWorkflow.Missing(DossierStage.Detection, DossierStage.WeighingAndQualification, Complete()));
        Assert.Equal("Sla geen stap over: eerst Dossiervorming.", missing);
    }

    [Fact]
    public void GoingBackOneStep_NeedsNothing_ButTwoStepsAtOnceIsRefused()
    {
        Assert.Empty(DossierWorkflow.Missing(DossierStage.Execution, DossierStage.Assignment, NoFacts()));
        Assert.Empty(DossierWorkflow.Missing(DossierStage.Closed, DossierStage.Evaluation, NoFacts()));
        Assert.Contains("één stap tegelijk terug", Assert.Single(DossierWorkflow.Missing(DossierStage.Execution, DossierStage.WeighingAndQualification, NoFacts())));
    }

    [Fact]
    public void Moves_AreTheNextAndThePreviousStep()
    {
        Assert.Equal([DossierStage.DossierFormation], DossierWorkflow.Moves(DossierStage.Detection));
        Assert.Equal([DossierStage.Execution, DossierStage.WeighingAndQualification], DossierWorkflow.Moves(DossierStage.Assignment));
        Assert.Equal([DossierStage.Evaluation], DossierWorkflow.Moves(DossierStage.Closed));
    }

    [Fact]
    public void DossierFormation_WithoutSignalOrMember_SaysSo()
    {
        Assert.Contains("minstens één signaal of betrokkene", Assert.Single(DossierWorkflow.Missing(DossierStage.Detection, DossierStage.DossierFormation, NoFacts())));
        Assert.Empty(DossierWorkflow.Missing(DossierStage.Detection, DossierStage.DossierFormation, NoFacts() with { Victims = 1 }));
    }

    [Fact]
    public void Weighing_NeedsAPerpetratorOrFacilitator_ASourceForEveryMember_AndTheProsecutorsConsent()
    {
        var facts = NoFacts() with
        {
            Victims = 2,
            MembersWithoutSource = ["Jan de Vries", "Pension De Linde"],
            SignalsAwaitingConsent = ["SIG-2026-0042"],
        };
        var missing = DossierWorkflow.Missing(DossierStage.DossierFormation, DossierStage.WeighingAndQualification, facts);
        Assert.Equal(3, missing.Count);
        Assert.Contains("minstens één dader of faciliteerder", missing[0]);
        Assert.Contains("Jan de Vries, Pension De Linde", missing[1]);
        Assert.Contains("officier van justitie", missing[2]);
        Assert.Contains("SIG-2026-0042", missing[2]);
        Assert.Empty(DossierWorkflow.Missing(DossierStage.DossierFormation, DossierStage.WeighingAndQualification, NoFacts() with { Facilitators = 1 }));
    }

    [Fact]
    public void Assignment_NeedsAWeighing_ThenAnApproachForEveryMember_AndAPlan()
    {
        Assert.Contains("Leg eerst de weging vast", Assert.Single(DossierWorkflow.Missing(DossierStage.WeighingAndQualification, DossierStage.Assignment, NoFacts())));
        var missing = DossierWorkflow.Missing(DossierStage.WeighingAndQualification, DossierStage.Assignment,
            NoFacts() with { HasWeighing = true, MembersWithoutApproach = ["A", "B", "C", "D", "E", "F", "G"] });
        Assert.Equal(2, missing.Count);
        Assert.Equal("Kies in de weging een aanpak voor: A, B, C, D, E en 2 andere.", missing[0]);
        Assert.Contains("plan van aanpak", missing[1]);
    }

    [Fact]
    public void Execution_NeedsAnAcceptedIntervention_AndEvaluationNeedsAllFinished()
    {
        Assert.Contains("geaccepteerd", Assert.Single(DossierWorkflow.Missing(DossierStage.Assignment, DossierStage.Execution, NoFacts())));
        Assert.Equal("Er lopen nog 2 interventies of ze wachten op antwoord van de partner.",
            Assert.Single(DossierWorkflow.Missing(DossierStage.Execution, DossierStage.Evaluation, NoFacts() with { InterventionsOpen = 2 })));
        Assert.Contains("Schrijf eerst de slotevaluatie", Assert.Single(DossierWorkflow.Missing(DossierStage.Evaluation, DossierStage.Closed, NoFacts())));
    }

    [Fact]
    public void MoveTo_RefusedStep_ChangesNothing()
    {
        var dossier = NewDossier();
        var e = Assert.Throws<DomainException>(() => dossier.MoveTo(DossierStage.DossierFormation, "analist", "Door.", Facts.Now, NoFacts()));
        Assert.Contains("minstens één signaal", e.Message);
        Assert.Equal(DossierStage.Detection, dossier.Stage);
        Assert.Empty(dossier.StageChanges);
    }

    [Fact]
    public void Weighing_ApproachForSomeoneOutsideTheDossier_IsRefused_AndNothingIsRecorded()
    {
        var dossier = NewDossier();
        var scores = new WeighingScores(3, 3, 3, false, 1, 3);
        var e = Assert.Throws<DomainException>(() => dossier.RecordWeighing(scores, new WeighingCriteria(), "Plan", "Resultaat",
            [new MemberApproach(NodeId.New(), DossierRole.Victim, "Opvang")], "analist", Facts.Now));
        Assert.Contains("alleen gekozen worden voor een betrokkene in dit dossier", e.Message);
        Assert.Empty(dossier.Weighings);
        Assert.Throws<DomainException>(() => dossier.RecordWeighing(scores, new WeighingCriteria(), " ", "Resultaat", [], "analist", Facts.Now));
        Assert.Empty(dossier.Weighings);
    }

    [Fact]
    public void Consent_OnlyForTheDossiersSignals_AndARefusalNeedsAReason()
    {
        var dossier = NewDossier();
        var signal = SignalId.New();
        Assert.Throws<DomainException>(() => dossier.RecordConsent(signal, true, "officier", null, Facts.Now));
        dossier.AddSignal(signal);
        Assert.Contains("toelichting", Assert.Throws<DomainException>(() => dossier.RecordConsent(signal, false, "officier", " ", Facts.Now)).Message);
        dossier.RecordConsent(signal, false, "officier", "Lopend onderzoek.", Facts.Now);
        Assert.False(dossier.HasConsent(signal));
        dossier.RecordConsent(signal, true, "officier", null, Facts.Now.AddDays(7));
        Assert.True(dossier.HasConsent(signal));
    }

    [Fact]
    public void Evaluation_OnlyInTheEvaluationStep()
    {
        var dossier = NewDossier();
        Assert.Throws<DomainException>(() => dossier.RecordEvaluation("Uitkomst", "Lessen", "analist", Facts.Now));
        Assert.Null(dossier.Evaluation);
    }

    private static Dossier NewDossier() => new(DossierId.New(), "DOS-2026-009", "Test", "GM0164", Facts.Partner().Id,
        ExploitationForm.Labour, Facts.Now, new DateOnly(2031, 1, 1));
}

public sealed class WeighingRuleTests
{
    [Fact]
    public void Score_IsTheWeightedMeanOfTheScaledCriteria()
    {
        // Default weights 3,3,2,2,2,1 (sum 13). Severity 5 → 1, urgency 3 → .5, scale 2 → .25, no minors → 0,
        // 4 victims → .4, evidence 4 → .75: (3 + 1.5 + .5 + 0 + .8 + .75) / 13 = 6.55 / 13 = 50.38 → 50.4, medium.
        var outcome = WeighingRules.Prioritise(new WeighingScores(5, 3, 2, false, 4, 4), new WeighingCriteria());
        Assert.Equal(50.4, outcome.Score);
        Assert.Equal(Priority.Medium, outcome.Priority);
        Assert.Contains("Ernst 5/5: 23,1 van 23,1 punten", outcome.Explanation);
        Assert.Contains("prioriteit middel", outcome.Explanation[^1]);
    }

    [Fact]
    public void MinorsInvolved_AddTheirWeight_AndMakeThePriorityHigh()
    {
        // Same as above plus minors: 8.55 / 13 = 65.77 → 65.8, high by score.
        Assert.Equal(65.8, WeighingRules.Prioritise(new WeighingScores(5, 3, 2, true, 4, 4), new WeighingCriteria()).Score);
        // Everything minimal but minors: 2 / 13 = 15.4 points, low by score, high by rule.
        var outcome = WeighingRules.Prioritise(new WeighingScores(1, 1, 1, true, 0, 1), new WeighingCriteria());
        Assert.Equal(15.4, outcome.Score);
        Assert.Equal(Priority.High, outcome.Priority);
        Assert.Contains(outcome.Explanation, l => l.Contains("minderjarigen", StringComparison.Ordinal));
        var configured = new WeighingCriteria { MinorsAlwaysHigh = false };
        Assert.Equal(Priority.Low, WeighingRules.Prioritise(new WeighingScores(1, 1, 1, true, 0, 1), configured).Priority);
    }

    [Theory]
    [InlineData(0, 1, 1, 3, 3, "ernst")]
    [InlineData(3, 6, 1, 3, 3, "urgentie")]
    [InlineData(3, 3, 1, -1, 3, "slachtoffers")]
    [InlineData(3, 3, 1, 3, 9, "bewijskracht")]
    public void OutOfRangeScores_AreRefusedInDutch(int severity, int urgency, int scale, int victims, int evidence, string word)
    {
        var e = Assert.Throws<DomainException>(() =>
            WeighingRules.Prioritise(new WeighingScores(severity, urgency, scale, false, victims, evidence), new WeighingCriteria()));
        Assert.Contains(word, e.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Criteria_WithNegativeWeightOrCrossedThresholds_AreInvalid()
    {
        Assert.Empty(new WeighingCriteria().Problems());
        Assert.NotEmpty(new WeighingCriteria { SeverityWeight = -1 }.Problems());
        Assert.NotEmpty(new WeighingCriteria { HighFrom = 30, MediumFrom = 40 }.Problems());
        Assert.NotEmpty(new WeighingCriteria { SeverityWeight = 0, UrgencyWeight = 0, ScaleWeight = 0, MinorsWeight = 0, VictimsWeight = 0, EvidenceWeight = 0 }.Problems());
    }
}
