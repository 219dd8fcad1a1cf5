using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Portal.ComponentTests.Infrastructure;
using Portal.Web.Features.Admin.RegionEditor;
using Portal.Web.Provisioning.Regions;

namespace Portal.ComponentTests.Admin;

public sealed class RegionSettingsFormTests : MudTestContext
{
    private readonly List<RegionSettingsInput> saved = [];
    private readonly IRenderedComponent<RegionSettingsForm> form;

    public RegionSettingsFormTests()
    {
        Services.AddSingleton<RegionSettingsValidator>();
        Render<MudBlazor.MudPopoverProvider>();
        form = Render<RegionSettingsForm>(p => p
            .Add(f => f.Region, new RegionSetting
            {
                Code = "us-east-1",
                DisplayName = "US East (N. Virginia)",
                Enabled = true,
                PrincipalArn = "arn:aws:iam::111122223333:root",
                VpcId = "vpc-0a11b2c3d4e5f6071",
                SubnetIds = ["subnet-0111b2c3d4e5f6071"],
                EgressIps = ["192.0.2.10"],
            })
            .Add(f => f.OnSave, (RegionSettingsInput input) => saved.Add(input)));
    }

    [Fact]
    public void A_bad_egress_ip_shows_a_message_naming_it_as_soon_as_the_field_is_left()
    {
        Field("Egress IPs").Change("192.0.2.10\n192.0.2.300");

        Assert.Contains("\"192.0.2.300\" is not an IPv4 address: 300 is more than 255.", form.Markup);
        Assert.Equal("true", Field("Egress IPs").GetAttribute("aria-invalid"));
        Assert.Equal("false", Field("VPC id").GetAttribute("aria-invalid"));
        Assert.Empty(form.FindAll("[data-testid=region-form-errors]"));
    }

    [Fact]
    public void Saving_with_a_bad_value_saves_nothing_and_says_so()
    {
        Field("Display name").Change("");
        Field("Egress IPs").Change("192.0.2.10/24");

        form.Find("form").Submit();

        Assert.Empty(saved);
        Assert.Contains("Nothing was saved. Fix the problems marked above.", form.Find("[data-testid=region-form-errors]").TextContent);
        Assert.Contains("did you mean 192.0.2.0/24?", form.Markup);
        Assert.Contains("Enter a display name", form.Markup);
    }

    [Fact]
    public void Saving_good_values_hands_over_trimmed_one_per_line_lists()
    {
        Field("Egress IPs").Change(" 192.0.2.10 \n\n198.51.100.0/24\n");

        form.Find("form").Submit();

        var input = Assert.Single(saved);
        Assert.Equal(["192.0.2.10", "198.51.100.0/24"], input.EgressIps);
        Assert.Equal("us-east-1", input.Code);
        Assert.Empty(form.FindAll("[data-testid=region-form-errors]"));
    }

    /// <summary>The input or text area a label is for, as a screen reader finds it.</summary>
    private AngleSharp.Dom.IElement Field(string label)
    {
        var id = form.FindAll("label[for]").Single(l => l.TextContent.Trim() == label).GetAttribute("for");
        return form.Find($"#{id}");
    }
}
