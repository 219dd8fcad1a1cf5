using Bunit;
using Portal.ComponentTests.Infrastructure;
using Portal.Web.Features.Connections;
using Portal.Web.Features.Connections.ServiceNames;
using Portal.Web.Features.Connections.Wizard;
using Portal.Web.Provisioning;
using Portal.Web.Provisioning.Regions;

namespace Portal.ComponentTests.Connections;

public sealed class WizardStepTests : MudTestContext
{
    private const string Arn = "arn:aws:iam::111122223333:root";
    private const string Name = "com.amazonaws.vpce.us-east-1.vpce-svc-0123456789abcdef0";

    public WizardStepTests() => Render<MudBlazor.MudPopoverProvider>();

    [Fact]
    public void A_bad_name_shows_its_message_and_offers_the_suggested_full_name()
    {
        var check = ServiceNameParser.Parse("vpce-svc-0123456789abcdef0", "us-east-1");
        var step = Render<ServiceNameStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.Value, "vpce-svc-0123456789abcdef0").Add(s => s.Check, check));

        Assert.Contains("That is only the service ID", step.Markup);
        Assert.Equal("ServiceIdOnly", step.Find("[data-testid=service-name-error]").GetAttribute("data-code"));
        Assert.Contains(Name, step.Find("[data-testid=use-suggestion]").TextContent);
    }

    [Fact]
    public void Choosing_the_suggestion_puts_it_in_the_field()
    {
        string? entered = null;
        var step = Render<ServiceNameStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.Value, "vpce-svc-0123456789abcdef0")
            .Add(s => s.Check, ServiceNameParser.Parse("vpce-svc-0123456789abcdef0", "us-east-1"))
            .Add(s => s.ValueChanged, (string value) => entered = value));

        step.Find("[data-testid=use-suggestion]").Click();

        Assert.Equal(Name, entered);
    }

    [Fact]
    public void A_normalised_name_shows_what_was_changed()
    {
        var step = Render<ServiceNameStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.Check, ServiceNameParser.Parse($" {Name.ToUpperInvariant()}", "us-east-1")));

        Assert.Contains("We removed surrounding spaces and changed capitals to lower case.", step.Find("[data-testid=service-name-note]").TextContent);
        Assert.Empty(step.FindAll("[data-testid=service-name-error]"));
    }

    [Fact]
    public void A_service_already_connected_links_to_that_connection()
    {
        var id = Guid.NewGuid();
        var check = ServiceNameParseResult.Invalid(ExistingConnectionLookup.AlreadyConnected(id), ServiceNameChanges.None);

        var step = Render<ServiceNameStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.Check, check));

        Assert.Equal($"/connections/{id}", step.Find("[data-testid=existing-connection-link]").GetAttribute("href"));
    }

    [Fact]
    public void Grant_access_offers_the_principal_with_a_copy_button_and_prefilled_commands()
    {
        var step = Render<GrantAccessStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.ServiceId, "vpce-svc-0123456789abcdef0").Add(s => s.PrincipalArn, Arn));

        Assert.Contains(Arn, step.Find("[data-testid=principal-arn]").TextContent);
        Assert.NotNull(step.Find("[data-testid=principal-arn-copy]"));
        Assert.Contains("Allow principals", step.Markup);

        step.FindAll(".mud-tab").First(t => t.TextContent.Contains("AWS CLI")).Click();
        step.WaitForElement("[data-testid=cli-command]");
        var cli = step.Find("[data-testid=cli-command]").TextContent;
        Assert.Contains("--service-id vpce-svc-0123456789abcdef0", cli);
        Assert.Contains($"--add-allowed-principals {Arn}", cli);
        Assert.NotNull(step.Find("[data-testid=cli-command-copy]"));

        step.FindAll(".mud-tab").First(t => t.TextContent.Contains("Terraform")).Click();
        // The tab switch renders asynchronously in MudBlazor: wait for the panel rather than read it at once.
        step.WaitForAssertion(() =>
            Assert.Contains("vpc_endpoint_service_id = \"vpce-svc-0123456789abcdef0\"", step.Find("[data-testid=terraform]").TextContent));
    }

    [Fact]
    public void Verify_is_disabled_while_it_runs()
    {
        var step = Render<VerifyStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.PrincipalArn, Arn).Add(s => s.Verifying, true));

        Assert.True(step.Find("[data-testid=verify-button]").HasAttribute("disabled"));
    }

    [Fact]
    public void Not_found_lists_the_three_likely_causes()
    {
        var outcome = new VerifyOutcome(Name, null, null, null, new ProvisioningFailure(ProvisioningFailureKind.ServiceNotFoundOrNotAllowlisted, "not found"));

        var step = Render<VerifyStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.PrincipalArn, Arn).Add(s => s.Outcome, outcome));

        var failure = step.Find("[data-testid=verify-failure]");
        Assert.Equal(3, failure.QuerySelectorAll("li").Length);
        Assert.Contains(Arn, failure.TextContent);
        Assert.Contains("Verify again", step.Find("[data-testid=verify-button]").TextContent);
    }

    [Fact]
    public void Success_shows_shared_zones_and_whether_acceptance_is_required()
    {
        var service = new VerifiedService(Name, "vpce-svc-0123456789abcdef0", true, "db.example.com", ["use1-az1"], [new SharedZone("use1-az1", "us-east-1a", "subnet-1")]);

        var step = Render<VerifyStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.PrincipalArn, Arn).Add(s => s.Outcome, new VerifyOutcome(Name, null, null, service, null)));

        Assert.Contains("us-east-1a (use1-az1)", step.Find("[data-testid=shared-zones]").TextContent);
        Assert.Contains("Required", step.Find("[data-testid=acceptance]").TextContent);
        Assert.Contains("db.example.com", step.Markup);
    }

    [Fact]
    public void Create_cannot_be_pressed_again_while_creating()
    {
        var presses = 0;
        var step = Render<CreateStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.ServiceName, Name).Add(s => s.OnCreate, () => presses++));

        step.Find("[data-testid=create-connection]").Click();
        step.Render(p => p.Add(s => s.Creating, true));

        Assert.Equal(1, presses);
        Assert.True(step.Find("[data-testid=create-connection]").HasAttribute("disabled"));
        Assert.Contains("Creating", step.Find("[data-testid=create-connection]").TextContent);
    }

    [Fact]
    public void A_server_refusal_on_create_is_shown_with_its_link()
    {
        var id = Guid.NewGuid();
        var step = Render<CreateStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.ServiceName, Name).Add(s => s.Error, ExistingConnectionLookup.AlreadyConnected(id)));

        Assert.Contains("already connected", step.Find("[data-testid=create-error]").TextContent);
        Assert.Contains($"/connections/{id}", step.Find("[data-testid=create-error]").InnerHtml);
    }

    [Fact]
    public void Progress_marks_the_current_step_and_lets_finished_steps_be_revisited()
    {
        WizardStep? selected = null;
        var progress = Render<WizardProgress>(p => p.Add(s => s.Current, WizardStep.Verify).Add(s => s.OnSelect, (WizardStep s) => selected = s));

        Assert.Equal("step", progress.Find(".wizard-step.current").GetAttribute("aria-current"));
        progress.Find("[data-testid=step-Region]").Click();

        Assert.Equal(WizardStep.Region, selected);
        Assert.Equal("SPAN", progress.Find("[data-testid=step-Create]").TagName);
    }

    [Fact]
    public void The_create_step_shows_the_name_and_description_as_typed_with_the_servers_reason_under_the_name()
    {
        string? typed = null;
        var step = Render<CreateStep>(p => p.Add(s => s.Region, "us-east-1").Add(s => s.ServiceName, Name)
            .Add(s => s.Name, "Orders DB").Add(s => s.NameError, "Another connection in this workspace is already called \"Orders DB\". Choose another name.")
            .Add(s => s.Description, "Primary orders database")
            .Add(s => s.NameChanged, (string value) => typed = value));

        Assert.Equal("Orders DB", step.Find("input[data-testid=connection-name]").GetAttribute("value"));
        Assert.Equal("Primary orders database", step.Find("textarea[data-testid=connection-description]").GetAttribute("value"));
        Assert.Contains("already called \"Orders DB\"", step.Find("[data-testid=connection-name-error]").TextContent);

        step.Find("input[data-testid=connection-name]").Input("Orders DB 2");
        Assert.Equal("Orders DB 2", typed);
    }

    [Fact]
    public void Each_enabled_region_is_a_radio_button_and_choosing_one_reports_it()
    {
        var regions = new[] { Region("us-east-1", "US East (N. Virginia)"), Region("eu-west-1", "EU (Ireland)") };
        RegionSetting? chosen = null;
        var step = Render<RegionStep>(p => p.Add(s => s.Regions, regions).Add(s => s.Selected, regions[0])
            .Add(s => s.SelectedChanged, (RegionSetting r) => chosen = r));

        var radios = step.FindAll("input[type=radio]");
        Assert.Equal(["us-east-1", "eu-west-1"], radios.Select(r => r.GetAttribute("value")));
        Assert.True(radios[0].HasAttribute("checked"));
        Assert.Contains("EU (Ireland)", step.Find("[data-testid=region-eu-west-1]").Closest("label")!.TextContent);

        step.Find("[data-testid=region-eu-west-1]").Change(true);

        Assert.Equal("eu-west-1", chosen?.Code);
    }

    [Fact]
    public void Without_an_enabled_region_the_step_says_so_instead_of_an_empty_choice()
    {
        var step = Render<RegionStep>(p => p.Add(s => s.Regions, Array.Empty<RegionSetting>()));

        Assert.Contains("No region is open", step.Find("[data-testid=no-regions]").TextContent);
        Assert.Empty(step.FindAll("input[type=radio]"));
    }

    private static RegionSetting Region(string code, string name) => new()
    {
        Code = code, DisplayName = name, PrincipalArn = Arn, VpcId = "vpc-0123456789abcdef0", SubnetIds = ["subnet-0123456789abcdef0"],
    };
}
