using Portal.Web.Components;
using Portal.Web.Data;
using Portal.Web.Features.Account;
using Portal.Web.Features.Admin;
using Portal.Web.Features.Api;
using Portal.Web.Features.Audit;
using Portal.Web.Features.Connections;
using Portal.Web.Features.EgressIps;
using Portal.Web.Features.Notifications;
using Portal.Web.Hosting.Health;
using Portal.Web.Hosting;
using Portal.Web.Provisioning.Regions;
using Portal.Web.Provisioning;

var builder = WebApplication.CreateBuilder(args);
builder.Configuration.AddPortalDefaults();

builder.Services.AddPortalData(builder.Configuration, builder.Environment);
builder.Services.AddPortalIdentity(builder.Configuration, builder.Environment);
builder.Services.AddPortalUi();
builder.Services.AddAuditLog();
builder.Services.AddRegions();
builder.Services.AddProvisioning(builder.Configuration);
builder.Services.AddPrivateLinkConnections(builder.Configuration);
builder.Services.AddEgressIps();
builder.Services.AddNotifications(builder.Configuration);
builder.Services.AddAdmin();
builder.Services.AddPortalApi(builder.Configuration);
builder.AddPortalHosting();

var app = builder.Build();

await app.Services.MigratePortalDatabaseAsync();
await app.Services.SeedRegionSettingsAsync();

app.UsePortalSecurityHeaders();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
app.UsePortalStatusPages();

app.UseAuthentication();
app.UseNoStoreForSignedIn();
app.UseAuthorization();
app.UsePortalRateLimiter();
app.UseAntiforgery();

app.MapStaticAssets().AllowAnonymous();
app.MapThemeStylesheet();
app.MapPortalHealthChecks();
app.MapAccountEndpoints();
app.MapPortalApi();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode();

app.Run();

public partial class Program;
