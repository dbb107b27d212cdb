namespace Ketenaanpak.Graph.Domain.Dossiers;

/// <summary>The steps of the chain process (ketenproces), domain.md §2, in order.</summary>
public enum DossierStage
{
    Detection = 1,
    DossierFormation = 2,
    WeighingAndQualification = 3,
    Assignment = 4,
    Execution = 5,
    Evaluation = 6,
    Closed = 7,
}

public static class DossierStageLabels
{
    public static string Dutch(this DossierStage stage) => stage switch
    {
        DossierStage.Detection => "Detectie",
        DossierStage.DossierFormation => "Dossiervorming",
        DossierStage.WeighingAndQualification => "Weging en kwalificatie",
        DossierStage.Assignment => "Toewijzing interventies",
        DossierStage.Execution => "Uitvoering",
        DossierStage.Evaluation => "Evaluatie",
        DossierStage.Closed => "Gesloten",
        _ => stage.ToString(),
    };
}
