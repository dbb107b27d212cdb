using Ketenaanpak.Graph.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    WebRootPath = WebRootLocator.Locate(), // the top-level wwwroot/ (docs/decisions/ADR-003)
});
builder.AddWebApp();

var app = builder.Build();
app.UseWebApp();
app.Run();

/// <summary>Entry point; public so that integration tests can host the app with WebApplicationFactory.</summary>
public partial class Program;
