using Ketenaanpak.Graph.Application.Auditing;
using Ketenaanpak.Graph.Application.Demo;
using Ketenaanpak.Graph.Application.Statistics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace Ketenaanpak.Graph.Application;

public static class DependencyInjection
{
    /// <summary>Use cases and jobs. Called by AddInfrastructure, which supplies the store they use.</summary>
    public static IHostApplicationBuilder AddApplication(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddScoped<RefreshNodeStatisticsJob>();
        builder.Services.AddScoped<Retention.RetentionJob>();
        builder.Services.AddScoped<DataSubjects.DataSubjectReports>();
        builder.Services.AddScoped<DemoRegionLoader>();
        builder.Services.AddScoped<Overview.OverviewService>();
        builder.Services.AddScoped<Network.NetworkQueries>();
        builder.Services.AddScoped<Network.ViewerScopes>();
        builder.Services.AddScoped<Chain.DossierProcess>();
        builder.Services.AddScoped<Barriers.DossierBarrierPlans>();
        builder.Services.AddScoped<Barriers.BarrierPlanAdoption>();
        builder.Services.AddSingleton<Microsoft.Extensions.Options.IValidateOptions<Barriers.BarrierModelOptions>, Barriers.BarrierModelOptionsValidator>();
        builder.Services.AddScoped<Chain.DossierInterventions>();
        builder.Services.AddScoped<Chain.DossierMembership>();
        builder.Services.AddScoped<Explorer.ExplorerElements>();
        builder.Services.AddScoped<Explorer.ExplorerQueries>();
        builder.Services.AddSingleton<Explorer.HubWarmer>();
        builder.Services.AddScoped<Explorer.ExplorerPaths>();
        builder.Services.AddScoped<Explorer.ExplorerExports>();
        builder.Services.AddScoped<Explorer.SavedViews>();
        builder.Services.AddScoped<Search.SearchService>();
        builder.Services.AddScoped<Network.EntityPageQueries>();
        builder.Services.AddScoped<Network.AnalysisQueries>();
        builder.Services.AddScoped<AuditVerifier>();
        builder.Services.AddScoped<AuditSearch>();
        builder.Services.AddScoped<Intake.SignalIntake>();
        builder.Services.AddScoped<Intake.SignalQueries>();
        builder.Services.AddScoped<Bulk.GraphImporter>();
        builder.Services.AddScoped<Bulk.GraphExporter>();
        builder.Services.AddScoped<Bulk.ImportJob>();
        builder.Services.AddScoped<Bulk.ImportQueue>();
        builder.Services.AddScoped<Partners.PartnerDirectory>();
        builder.Services.AddScoped<Reports.YearlyReport>();
        builder.Services.AddScoped<CaseMeetings.CaseMeetingService>();
        builder.Services.AddScoped<CaseMeetings.MeetingView>();
        builder.Services.AddScoped<CaseMeetings.IAgendaSource, CaseMeetings.AlertAgendaSource>();
        builder.Services.AddSingleton<Bulk.ImportProgressRegistry>();
        builder.Services.AddScoped<Alerts.AlertDataLoader>();
        builder.Services.AddScoped<Alerts.AlertEvaluation>();
        builder.Services.AddScoped<Alerts.AlertEvaluationJob>();
        builder.Services.AddScoped<Alerts.UrgentAlerts>();
        builder.Services.AddScoped<Alerts.AlertQueries>();
        builder.Services.AddScoped<Alerts.AlertActions>();
        builder.Services.AddScoped<Alerts.AlertRulesAdmin>();
        builder.Services.AddScoped<Intake.ISignalSubmittedHandler, Alerts.AlertSignalSubmittedHandler>();
        builder.Services.AddScoped<Resolution.ResolutionJob>();
        builder.Services.AddScoped<Resolution.ResolutionService>();
        builder.Services.AddScoped<Intake.ISignalSubmittedHandler, Resolution.ResolutionSignalHandler>();
        return builder;
    }
}
